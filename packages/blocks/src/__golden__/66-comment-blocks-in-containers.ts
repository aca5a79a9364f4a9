export default async function (event, app) {
  if (event.next) {
    // a comment block of its own

    app.log(1);
  }
  switch (event.next.status) {
    case 'void':
      // nothing to do

      break;
  }
}

export default async function (event, app) {
  switch (event.next.n) {
    case 3 : // a line separator before the colon
      app.log(3);
    case 4 /* nbsp */ :
      app.log(4);
  }
}

export default async function (event, app) {
  switch (event.next.status) {
    case ('new'):
      app.log('new');
      break;
    case (a, b) /* pair */ :
    default:
  }
}

export default async function (event, app) {
  if (event.next.sales > 1000 {
    app.log('oops');
  }
}

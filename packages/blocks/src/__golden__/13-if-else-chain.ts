export default async function (event, app) {
  if (event.next.sales > 1000) {
    app.log('big');
  } else if (event.next.sales > 100) {
    app.log('medium');
  } else if (event.next.sales > 0) {
    app.log('small');
  } else {
    throw new Error('Sales must be positive');
  }
}

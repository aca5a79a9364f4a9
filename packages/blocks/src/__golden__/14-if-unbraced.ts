export default async function (event, app) {
  if (!event.next) return;
  if (event.next.sales > 10) app.log('big'); else app.log('small');
  if (event.prev)
    app.log('updated');
  else if (event.next) app.log('created');
}

export default async function (event, app) {
  await app.notify({
    to: 'ann', // the manager
    /* title */ title: 'Big',
    body: 'x', /* body */
  });
  if (/* why */ event.next.sales > 1) {
    // inside the branch
    app.log('x');
  } // after if
}

export default async function (event, app) {
  // Section: checks

  const ok = event.next.sales > 0;

  // Section: effects
  // (no statement follows directly)

  app.log(ok);

  // trailing thoughts at the end of the body
}

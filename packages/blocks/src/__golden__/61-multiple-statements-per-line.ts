export default async function (event, app) {
  const a = 1; const b = 2; app.log(a + b);
  if (a) { app.log('a'); app.log('b'); } else { app.log('c'); }
}

export default async function (event, app) {
  // windows line endings
  const a = 1;

  if (a) {
    app.log(a);
  }
}

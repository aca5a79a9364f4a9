export default async function (event, app) {
  const a = 1; // one
  const b = 2; /* two */ // and more
  app.log(a, b); /* last */
}

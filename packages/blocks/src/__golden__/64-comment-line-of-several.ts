export default async function (event, app) {
  app.log(1);
  /* first */ /* second */
  app.log('kept with both');

  /* a */ /* b */

  app.log('after a comment block');
}

export default async function (event, app) {
  /**
   * Multi-line block comment
   * attached to the next statement.
   */
  const a = 1;

  /*
    standalone block
  */

  app.log(a);
}

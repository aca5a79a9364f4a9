export default async function (event, app) /* before body */ {
  // first
  app.log(1);
  // last, attached to nothing
} /* after */

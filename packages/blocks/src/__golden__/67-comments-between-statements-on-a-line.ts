export default async function (event, app) { /* about one */ app.log(1);
  app.log(2); /* about three */ app.log(3); /* after three */
  app.log(4); /* after four */ /* and
     more */ app.log(5);
}

export default async function (event, app) {
  'use strict';
  app.log('strict');
}

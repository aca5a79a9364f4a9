// Handler for big orders.
/* eslint-disable */

export default async function (event, app) {
  app.log('hi');
} // end of handler

// after everything

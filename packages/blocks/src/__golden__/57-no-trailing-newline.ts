export default async function (event, app) {
  app.log('no newline at the end');
}
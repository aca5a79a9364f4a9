export default function (event, app) {
  app.log('sync');
}

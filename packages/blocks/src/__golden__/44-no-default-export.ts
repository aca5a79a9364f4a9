export async function handler(event, app) {
  app.log('not default');
}

export default async function (event, app) {
  const message = { to: 'ann', title: 'Hi', body: 'there' };
  await app.notify(message);
  await app.notify({ ...message, title: 'Spread' });
  app.notify({ to: 'bob' });
}

export default async function (event, app) { const a = 1; app.log(a); if (a) { app.log('x'); } }

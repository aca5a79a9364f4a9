export default async function (event, app) {}

export default async function (event, app) {
  // TODO: write the handler
  // and more
}

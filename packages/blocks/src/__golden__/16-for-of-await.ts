export default async function (event, app) {
  for await (const chunk of app.services.Export.stream()) {
    app.log(chunk);
  }
  for (const [key, value] of Object.entries(event.next)) app.log(key, value);
  let item;
  for (item of event.next.items) {
  }
}

export default async function (event, app) {
  const owner = event.next?.owner ?? 'ann';
  if (event.prev?.sales !== event.next?.sales) {
    await app.notify({ to: owner, title: 'Changed', body: event.prev?.note?.trim() });
  }
  const first = event.next.lines?.[0]?.sku;
  event.next.tags?.push('x');
}

// Before update, on specified fields: runs only when sales or profit really changed, so the margin
// stays right after an edit. `event.next` is the whole row as it will be stored.
export default async function (event, app) {
  const { sales, profit } = event.next;
  event.next.margin = sales ? Math.round(((profit ?? 0) / sales) * 10000) / 10000 : 0;
  app.log(`margin ${event.prev.margin} → ${event.next.margin}`);
}

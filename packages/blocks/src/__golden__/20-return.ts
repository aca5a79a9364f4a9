export default async function (event, app) {
  if (event.next.sales < 10) {
    return;
  }
  if (event.next.sales < 100) return { skipped: true };
  return event.next.sales * 2;
}

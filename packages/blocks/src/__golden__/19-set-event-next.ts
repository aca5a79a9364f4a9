export default async function (event, app) {
  // before handler: fix the record before it is written
  event.next.status = 'approved';
  event.next.total = event.next.qty * event.next.price;
  event.next.tags ??= [];
  event.next['region'] = event.next.region.toUpperCase();
}

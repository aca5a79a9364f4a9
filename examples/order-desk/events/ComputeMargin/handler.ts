// Before create: a before handler may change `event.next`; what it leaves there is what gets stored.
// Every new order line gets its margin (profit / sales) filled in here.
export default async function (event, app) {
  const { sales, profit } = event.next;
  const margin: number = sales ? Math.round(((profit ?? 0) / sales) * 10000) / 10000 : 0;
  event.next.margin = margin;
}

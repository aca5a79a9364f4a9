import { format } from './format';

const LIMIT = 1000;

function isBig(sales: number) {
  return sales > LIMIT;
}

export default async function (event, app) {
  if (isBig(event.next.sales)) {
    await app.notify({ to: 'ann', title: 'Big', body: format(event.next) });
  }
}

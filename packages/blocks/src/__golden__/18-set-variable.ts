export default async function (event, app) {
  const a = 1;
  let b = 'two';
  var c = [1, 2, 3];
  let d;
  b = b + '!';
  d += 4;
  d++;
  --d;
  const { id, sales: amount = 0 } = event.next;
  const [first, ...rest] = c;
  const typed: number = a * 2;
  let maybe: string | null = null;
}

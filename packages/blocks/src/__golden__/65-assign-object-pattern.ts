export default async function (event, app) {
  let a, b;
  ({ a, b } = event.next);
  ({ a } = { a: b }); // swap in
  [a, b] = [b, a];
}

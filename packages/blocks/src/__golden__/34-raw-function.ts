export default async function (event, app) {
  function double(x) {
    return x * 2;
  }
  const doubled = double(event.next.sales);
  const triple = (x) => x * 3;
  class Helper {}
}

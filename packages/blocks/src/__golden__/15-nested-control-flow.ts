export default async function (event, app) {
  const rows = await app.models.Order.query({ customer: event.next.customer });
  for (const row of rows) {
    if (row.sales > 100) {
      for (const line of row.lines) {
        if (line.qty === 0) {
          await app.models.Line.delete(line.id);
        } else {
          while (line.qty > 10) {
            line.qty -= 10;
          }
        }
      }
    }
  }
}

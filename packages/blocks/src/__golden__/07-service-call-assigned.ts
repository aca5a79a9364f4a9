export default async function (event, app) {
  const receipt = await app.services.Billing.charge({ orderId: event.next.id });
  let status;
  status = await app.services.Billing.status(receipt.id);
  event.next.receipt = await app.services.Billing.receiptNumber(receipt);
}

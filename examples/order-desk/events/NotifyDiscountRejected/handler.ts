// When an approver rejects the discount, the user who submitted it hears who rejected it, at which
// step, and why (the approver's comment).
export default async function (event, app) {
  const order = event.record;
  const step = event.prevNode === 'manager' ? 'the sales manager' : 'finance';
  await app.models.Order.update(order.id, { approvalStatus: 'rejected' });
  await app.notify({
    to: event.instance.submittedBy,
    title: `Discount on ${order.orderId} rejected`,
    body:
      `${event.action.user} (${step}) rejected the ${Math.round(order.discount * 100)}% discount` +
      (event.action.comment ? `: ${event.action.comment}` : '.'),
  });
}

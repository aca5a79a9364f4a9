// After update, on specified fields: runs only when sales, quantity, discount or ship date really
// changed. `event.changed` names the changed fields; `event.prev` is the committed row before the
// write. The audit row is written in the same transaction as the change.
export default async function (event, app) {
  const watched = ['sales', 'quantity', 'discount', 'shipDate'];
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const field of event.changed) {
    if (watched.includes(field)) {
      changes[field] = { before: event.prev[field], after: event.next[field] };
    }
  }
  await app.models.AuditLog.create({
    model: event.model,
    recordId: event.next.id,
    changes,
    at: new Date().toISOString(),
    requestId: event.requestId,
    note: `Order ${event.next.orderId} line ${event.next.rowId}: ${Object.keys(changes).join(', ')} changed`,
  });
}

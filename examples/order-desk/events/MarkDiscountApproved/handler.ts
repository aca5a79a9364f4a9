// When the discount approval ends approved (sales manager, then all of finance), the order line
// records it. Sync: the mark and the last approval commit together, or neither does.
export default async function (event, app) {
  await app.models.Order.update(event.record.id, { approvalStatus: 'approved' });
}

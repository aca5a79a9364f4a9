export default async function (event, app) {
  switch (event.next.status) {
    case 'new':
      app.log('new');
      break;
    case 'paid': {
      await app.services.Billing.receipt(event.next.id);
      break;
    }
    case 'void':
    case 'cancelled':
      // nothing to do
      break;
    default:
      throw new Error('Unknown status');
  }
}

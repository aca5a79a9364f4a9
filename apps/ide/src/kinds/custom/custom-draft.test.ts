import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n';
import {
  declaredEvents,
  searchDeclared,
  validateCustomDraft,
  type CustomEventDraft,
} from './custom-draft';

const t = translator('en');
const services = [
  {
    name: 'services.Fulfilment',
    title: 'Fulfilment',
    events: [{ name: 'shipped', title: 'Order shipped', desc: 'An order line left' }],
  },
  {
    name: 'services.Billing',
    title: 'Billing',
    events: [{ name: 'paid' }, { name: 'refunded', title: 'Refunded' }],
  },
  { name: 'services.Quiet', title: 'Quiet', events: [] },
];
const draft = (sender?: string): CustomEventDraft => ({
  type: 'event',
  kind: 'custom',
  sender,
  handler: { type: 'inline' },
  async: false,
  order: 100,
  enabled: false,
});

describe('custom event drafts', () => {
  it('list the declared events of all services, services by title', () => {
    expect(declaredEvents(services).map((e) => [e.sender, e.title])).toEqual([
      ['services.Billing.paid', 'paid'],
      ['services.Billing.refunded', 'Refunded'],
      ['services.Fulfilment.shipped', 'Order shipped'],
    ]);
  });

  it('find events by sender, title, description or service', () => {
    const all = declaredEvents(services);
    expect(searchDeclared(all, 'left').map((e) => e.name)).toEqual(['shipped']);
    expect(searchDeclared(all, 'billing').map((e) => e.name)).toEqual(['paid', 'refunded']);
  });

  it('need a sender some service declares', () => {
    expect(validateCustomDraft(draft(), { services, t })).toEqual({
      sender: ['Choose the declared event to subscribe to.'],
    });
    expect(validateCustomDraft(draft('services.Billing.gone'), { services, t }).sender).toEqual([
      'services.Billing.gone is not declared by any service (any more).',
    ]);
    expect(validateCustomDraft(draft('services.Billing.paid'), { services, t })).toEqual({});
  });

  it('need the service function chosen when a service handles them', () => {
    const unchosen = {
      ...draft('services.Billing.paid'),
      handler: { type: 'service' as const, service: '', function: '' },
    };
    expect(validateCustomDraft(unchosen, { services, t })).toEqual({
      handler: ['Choose the service function that handles the event.'],
    });
  });
});

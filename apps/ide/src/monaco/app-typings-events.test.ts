import { describe, expect, it } from 'vitest';
import { buildAppTypings } from './app-typings';

const billing = {
  short: 'Billing',
  title: 'Billing',
  functions: [
    { name: 'charge', params: [{ name: 'orderId', type: 'integer', required: true }] },
    { name: 'onPaid', params: [{ name: 'evt', type: 'event:custom' }] },
  ],
  events: [{ name: 'paid', title: 'Paid', desc: 'An order was paid' }, { name: 'refunded' }],
};

describe('typings of services and their declared events', () => {
  it('lets app.event.publish take only declared senders', () => {
    const text = buildAppTypings([], [billing]);
    expect(text).toMatch(
      /type DeclaredSender =\s+\/\*\* Paid — An order was paid \*\/\s+\| "services\.Billing\.paid"\s+\| "services\.Billing\.refunded";/,
    );
    expect(text).toContain('publish(sender: DeclaredSender, args?: unknown): Promise<void>;');
  });

  it('declares no sender at all when no service declares an event', () => {
    expect(buildAppTypings([], [{ ...billing, events: [] }])).toContain(
      'type DeclaredSender = never;',
    );
  });

  it('types a custom handler function with the payload itself', () => {
    const text = buildAppTypings([], [billing]);
    expect(text).toContain('onPaid(evt: PublishedEvent): Promise<any>;');
    expect(text).toContain('charge(args: { orderId: number }): Promise<any>;');
    expect(text).toContain('interface PublishedEvent<Sender extends string = DeclaredSender>');
  });
});

import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, type Route } from './routes';

describe('routes', () => {
  const cases: [string, Route][] = [
    ['#/', { page: 'home' }],
    ['#/events/events.NotifyBigOrder', { page: 'event', name: 'events.NotifyBigOrder' }],
    ['#/data/models.Order', { page: 'data', model: 'models.Order' }],
    ['#/elements/services.Billing', { page: 'element', name: 'services.Billing' }],
    ['#/services/services.Billing', { page: 'service', name: 'services.Billing' }],
    ['#/executions', { page: 'executions' }],
    ['#/executions/01J0ABC', { page: 'execution', id: '01J0ABC' }],
    ['#/notifications', { page: 'notifications' }],
    ['#/approvals/approvals.Discount', { page: 'approval', name: 'approvals.Discount' }],
    ['#/inbox', { page: 'inbox' }],
  ];

  it.each(cases)('parses %s and prints it back', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    expect(routeHash(route)).toBe(hash);
  });

  it('falls back to home for an unknown hash', () => {
    expect(parseRoute('#/nowhere/x')).toEqual({ page: 'home' });
    expect(parseRoute('')).toEqual({ page: 'home' });
  });
});

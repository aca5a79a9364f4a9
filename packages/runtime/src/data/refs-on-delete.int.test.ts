import type { Field } from '@whenthen/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { event, failure, handler, model, testApp } from '../testing/builders.js';

let close: (() => void) | null = null;
afterEach(() => {
  close?.();
  close = null;
});

const Customer = model('Customer', [{ name: 'name', type: 'text' }]);
const Order = model('Order', [
  { name: 'sales', type: 'number' },
  { name: 'customer', type: 'ref', model: 'models.Customer' },
] as Field[]);
const Person = model('Person', [
  { name: 'name', type: 'text' },
  { name: 'manager', type: 'ref', model: 'models.Person' },
] as Field[]);

function setup(events: Parameters<typeof testApp>[0]['events'] = []) {
  const t = testApp({ models: [Customer, Order, Person], events, worker: false });
  close = t.close;
  const data = t.runtime.data;
  const customer = (name: string) => data.create('models.Customer', { name }).id;
  const order = (c: number | null) => data.create('models.Order', { sales: 1, customer: c }).id;
  const ids = (m: string) => data.query(m, undefined, { orderBy: 'id' }).items.map((r) => r.id);
  return { runtime: t.runtime, data, customer, order, ids };
}

describe('deleting a record that other records refer to', () => {
  it('is refused with IN_USE naming the referring records, and nothing is deleted', () => {
    const { data, customer, order, ids } = setup();
    const claire = customer('Claire');
    const o1 = order(claire);
    const o2 = order(claire);
    const refused = failure(() => data.delete('models.Customer', claire));
    expect(refused.code).toBe('IN_USE');
    expect(refused.message).toBe(
      `models.Customer record ${claire} is referred to by records ${o1}, ${o2} of models.Order (field customer); delete them or change their customer first`,
    );
    expect(ids('models.Customer')).toEqual([claire]);

    // Once the orders point elsewhere (or are gone), the customer can go.
    data.update('models.Order', o1, { customer: null });
    data.delete('models.Order', o2);
    expect(data.delete('models.Customer', claire).id).toBe(claire);
    expect(ids('models.Customer')).toEqual([]);
  });

  it('counts the referrers beyond the three it names', () => {
    const { data, customer, order } = setup();
    const c = customer('Busy');
    const orders = Array.from({ length: 5 }, () => order(c));
    expect(failure(() => data.delete('models.Customer', c)).message).toContain(
      `records ${orders.slice(0, 3).join(', ')} and 2 more of models.Order`,
    );
  });

  it('refuses a bulk delete as a whole when one of its records is referred to', () => {
    const { data, customer, order, ids } = setup();
    const free = customer('Free');
    const held = customer('Held');
    order(held);
    expect(
      failure(() => data.deleteMany('models.Customer', { field: 'id', op: 'gt', value: 0 })).code,
    ).toBe('IN_USE');
    expect(ids('models.Customer')).toEqual([free, held]);
  });

  it('lets a before-delete handler remove the referrers first (a cascade written as an event)', () => {
    const { data, customer, order, ids } = setup([
      event({
        name: 'DeleteOrders',
        model: 'Customer',
        timing: 'beforeDelete',
        code: handler(
          `await app.models.Order.deleteMany({ field: 'customer', op: 'eq', value: event.prev.id });`,
        ),
      }),
    ]);
    const c = customer('Leaving');
    order(c);
    order(c);
    const kept = order(customer('Staying'));
    data.delete('models.Customer', c);
    expect(ids('models.Order')).toEqual([kept]);
  });

  it('passes over a record that refers to itself, but not one that others of its model refer to', () => {
    const { data, ids } = setup();
    const boss = data.create('models.Person', { name: 'Boss' }).id;
    data.update('models.Person', boss, { manager: boss });
    const clerk = data.create('models.Person', { name: 'Clerk', manager: boss }).id;
    expect(failure(() => data.delete('models.Person', boss)).message).toContain(
      `record ${clerk} of models.Person (field manager)`,
    );
    data.delete('models.Person', clerk);
    data.delete('models.Person', boss);
    expect(ids('models.Person')).toEqual([]);
  });
});

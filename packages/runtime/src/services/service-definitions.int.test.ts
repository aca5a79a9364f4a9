import { afterEach, describe, expect, it } from 'vitest';
import { WhenThenError } from '../errors.js';
import { testApp } from '../testing/builders.js';

let close: (() => void) | null = null;
afterEach(() => {
  close?.();
  close = null;
});

const service = (functions: unknown[], eventDescs: unknown[] = []) => ({
  type: 'service',
  title: 'Billing',
  functions,
  eventDescs,
});
const CODE = 'export async function charge(args, app) { return args; }\n';

function saveRefused(definition: unknown): WhenThenError {
  const t = testApp({ models: [] });
  close = t.close;
  try {
    t.runtime.createElement({ name: 'services.Billing', definition, code: CODE });
  } catch (e) {
    if (e instanceof WhenThenError) return e;
    throw e;
  }
  throw new Error('expected the save to be refused');
}

describe('service definitions on save', () => {
  it('refuse a parameter type that is neither a value type nor event:<kind>, naming the types', () => {
    const err = saveRefused(
      service([{ name: 'charge', params: [{ name: 'orderId', type: 'banana' }], returns: 'json' }]),
    );
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.details).toEqual([
      {
        field: 'definition.functions.0.params.0.type',
        reason:
          'unknown parameter type "banana"; expected one of text, number, integer, boolean, date, datetime, json, event:model, event:custom, event:approval',
      },
    ]);
    expect(
      saveRefused(service([{ name: 'charge', params: [{ name: 'e', type: 'event:nope' }] }]))
        .details![0]!.reason,
    ).toContain('unknown parameter type "event:nope"');
  });

  it('refuse an unknown return type', () => {
    expect(
      saveRefused(service([{ name: 'charge', params: [], returns: 'Promise<void>' }])).details,
    ).toEqual([
      {
        field: 'definition.functions.0.returns',
        reason:
          'unknown return type "Promise<void>"; expected one of text, number, integer, boolean, date, datetime, json, void',
      },
    ]);
  });

  it('refuse a function, a parameter or a declared event given twice', () => {
    expect(
      saveRefused(
        service(
          [
            {
              name: 'charge',
              params: [
                { name: 'a', type: 'integer' },
                { name: 'a', type: 'text' },
              ],
            },
            { name: 'charge', params: [] },
          ],
          [{ name: 'paid' }, { name: 'paid', title: 'Paid again' }],
        ),
      ).details,
    ).toEqual([
      { field: 'definition.functions.0.params.1.name', reason: 'duplicate parameter "a"' },
      { field: 'definition.functions.1.name', reason: 'duplicate function "charge"' },
      { field: 'definition.eventDescs.1.name', reason: 'duplicate event "paid"' },
    ]);
  });

  it('accept every value type, event:<kind> and void', () => {
    const t = testApp({ models: [] });
    close = t.close;
    const types = ['text', 'number', 'integer', 'boolean', 'date', 'datetime', 'json'];
    const doc = t.runtime.createElement({
      name: 'services.Billing',
      definition: service(
        [
          {
            name: 'charge',
            params: types.map((type, i) => ({ name: `p${i}`, type })),
            returns: 'void',
          },
          { name: 'onPaid', params: [{ name: 'event', type: 'event:custom' }], returns: 'json' },
        ],
        [{ name: 'paid' }],
      ),
      code: `${CODE}export async function onPaid(event, app) {}\n`,
    });
    expect(t.runtime.app().services.has(doc.name)).toBe(true);
  });
});

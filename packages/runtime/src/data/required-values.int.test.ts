import type { Field } from '@whenthen/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { failure, model, testApp } from '../testing/builders.js';

let close: (() => void) | null = null;
afterEach(() => {
  close?.();
  close = null;
});

const Customer = model('Customer', [
  { name: 'customerId', type: 'text', required: true },
  { name: 'note', type: 'text' },
] as Field[]);

describe('a required field', () => {
  it('needs a value: null, left out or empty text are refused alike, as the record form refuses them', () => {
    const t = testApp({ models: [Customer], worker: false });
    close = t.close;
    for (const values of [{}, { customerId: null }, { customerId: '' }]) {
      const refused = failure(() => t.runtime.data.create('models.Customer', values));
      expect(refused.code).toBe('VALIDATION_FAILED');
      expect(refused.details).toEqual([{ field: 'customerId', reason: 'is required' }]);
    }
    const created = t.runtime.data.create('models.Customer', { customerId: 'CG-1', note: '' });
    expect(created.note).toBe('');
    expect(
      failure(() => t.runtime.data.update('models.Customer', created.id, { customerId: '' })).code,
    ).toBe('VALIDATION_FAILED');
  });
});

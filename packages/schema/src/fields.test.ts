import { describe, expect, it } from 'vitest';
import { checkValue } from './fields.js';

describe('checkValue', () => {
  it('normalises datetimes to UTC with Z', () => {
    expect(checkValue({ type: 'datetime' }, '2024-05-01T12:00:00+02:00')).toEqual({
      ok: true,
      value: '2024-05-01T10:00:00.000Z',
    });
  });
  it('refuses datetimes without a zone and impossible dates', () => {
    expect(checkValue({ type: 'datetime' }, '2024-05-01T12:00:00').ok).toBe(false);
    expect(checkValue({ type: 'date' }, '2024-02-30').ok).toBe(false);
    expect(checkValue({ type: 'date' }, '2024-02-29').ok).toBe(true);
  });
  it('refuses text longer than a text field holds', () => {
    expect(checkValue({ type: 'text' }, 'x'.repeat(100_000)).ok).toBe(true);
    expect(checkValue({ type: 'text' }, 'x'.repeat(100_001))).toEqual({
      ok: false,
      reason:
        'is 100001 characters long; text holds at most 100000 (use a json field for documents)',
    });
  });
  it('does not coerce', () => {
    expect(checkValue({ type: 'number' }, '12').ok).toBe(false);
    expect(checkValue({ type: 'integer' }, 1.5).ok).toBe(false);
    expect(checkValue({ type: 'boolean' }, 1).ok).toBe(false);
    expect(checkValue({ type: 'enum', values: ['a', 'b'] }, 'c').ok).toBe(false);
  });
});

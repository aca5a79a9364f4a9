import { describe, expect, it } from 'vitest';
import { changedFields, valueChanged } from './field-changes.js';

describe('field-change detection', () => {
  it('compares JSON by content, ignoring key order', () => {
    expect(valueChanged('json', { a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(
      false,
    );
    expect(valueChanged('json', { a: 1 }, { a: 1, b: null })).toBe(true);
  });
  it('compares arrays by elements, order included', () => {
    expect(valueChanged('json', [1, 2, 3], [1, 2, 3])).toBe(false);
    expect(valueChanged('json', [1, 2, 3], [3, 2, 1])).toBe(true);
    expect(valueChanged('json', [1, 2], [1, 2, 2])).toBe(true);
  });
  it('compares datetimes as instants', () => {
    expect(valueChanged('datetime', '2024-05-01T10:00:00.000Z', '2024-05-01T12:00:00+02:00')).toBe(
      false,
    );
    expect(valueChanged('datetime', '2024-05-01T10:00:00.000Z', '2024-05-01T10:00:00.001Z')).toBe(
      true,
    );
  });
  it('treats null ↔ value as a change and the same value as none', () => {
    expect(valueChanged('number', null, 0)).toBe(true);
    expect(valueChanged('text', '', null)).toBe(true);
    expect(valueChanged('number', 5, 5)).toBe(false);
    expect(valueChanged('boolean', false, false)).toBe(false);
    expect(valueChanged('json', null, null)).toBe(false);
  });
  it('lists the changed fields of a row, and every set field on create', () => {
    const fields = [
      { name: 'a', type: 'number' as const },
      { name: 'b', type: 'json' as const },
      { name: 'c', type: 'text' as const },
    ];
    expect(changedFields(fields, { a: 1, b: [1], c: 'x' }, { a: 2, b: [1], c: 'x' })).toEqual([
      'a',
    ]);
    expect(changedFields(fields, null, { a: 1, b: null, c: 'x' })).toEqual(['a', 'c']);
    expect(changedFields(fields, { a: 1, b: null, c: 'x' }, null)).toEqual(['a', 'c']);
  });
});

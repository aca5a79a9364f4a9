import { describe, expect, it } from 'vitest';
import { labelFields, refLabel, refSearch } from './ref-options';

const customer = [
  { name: 'customerId', type: 'text' as const },
  { name: 'name', type: 'text' as const },
  { name: 'segment', type: 'enum' as const },
  { name: 'note', type: 'text' as const },
];

describe('ref pickers', () => {
  it('recognise a record by its name first, then its other text fields (two at most)', () => {
    expect(labelFields(customer)).toEqual(['name', 'customerId']);
    expect(labelFields([{ name: 'total', type: 'number' }])).toEqual([]);
  });

  it('label a record with its id and texts', () => {
    expect(
      refLabel({ id: 12, name: 'Claire Gute', customerId: 'CG-12520' }, ['name', 'customerId']),
    ).toBe('#12 · Claire Gute (CG-12520)');
    expect(refLabel({ id: 3, name: '', customerId: 'X-1' }, ['name', 'customerId'])).toBe(
      '#3 · X-1',
    );
    expect(refLabel({ id: 7 }, [])).toBe('#7');
  });

  it('search the id when a whole number is typed, and the texts in any case', () => {
    expect(refSearch('  ', ['name'])).toBeUndefined();
    expect(refSearch('Gute', ['name', 'customerId'])).toEqual({
      or: [
        { field: 'name', op: 'contains', value: 'Gute' },
        { field: 'customerId', op: 'contains', value: 'Gute' },
      ],
    });
    expect(refSearch('12', ['name'])).toEqual({
      or: [
        { field: 'id', op: 'eq', value: 12 },
        { field: 'name', op: 'contains', value: '12' },
      ],
    });
    expect(refSearch('12', [])).toEqual({ field: 'id', op: 'eq', value: 12 });
    expect(refSearch('abc', [])).toEqual({ field: 'id', op: 'eq', value: -1 });
  });
});

import type { Condition } from '@whenthen/schema';
import { describe, expect, it } from 'vitest';
import {
  appendChild,
  describeCondition,
  emptyLeaf,
  fromBuilder,
  missingPart,
  removeNode,
  toBuilder,
} from './condition-model';

const roundTrip = (c: Condition | null) => fromBuilder(toBuilder(c)).condition;

describe('condition builder model', () => {
  it('keeps nested and/or groups through a round trip', () => {
    const c: Condition = {
      and: [
        { field: 'sales', op: 'gt', value: 1000 },
        {
          or: [
            { field: 'region', op: 'in', value: ['East', 'West'] },
            { field: 'shipDate', op: 'isNull' },
          ],
        },
      ],
    };
    expect(roundTrip(c)).toEqual(c);
  });

  it('wraps a bare leaf in an "and" group', () => {
    expect(roundTrip({ field: 'sales', op: 'gte', value: 5 })).toEqual({
      and: [{ field: 'sales', op: 'gte', value: 5 }],
    });
  });

  it('keeps "not" as a negated group', () => {
    expect(roundTrip({ not: { or: [{ field: 'a', op: 'eq', value: 1 }] } })).toEqual({
      not: { or: [{ field: 'a', op: 'eq', value: 1 }] },
    });
    expect(roundTrip({ not: { field: 'a', op: 'eq', value: 1 } })).toEqual({
      not: { and: [{ field: 'a', op: 'eq', value: 1 }] },
    });
  });

  it('turns an empty root into no filter', () => {
    expect(roundTrip(null)).toBeNull();
  });

  it('drops the value of isNull / notNull rows', () => {
    let root = toBuilder(null);
    const leaf = { ...emptyLeaf(), field: 'shipDate', op: 'notNull' as const, value: 'left over' };
    root = appendChild(root, root.id, leaf);
    expect(fromBuilder(root).condition).toEqual({ and: [{ field: 'shipDate', op: 'notNull' }] });
  });

  it('names each row by the JSON path checkCondition reports', () => {
    const root = toBuilder({
      and: [
        { field: 'a', op: 'eq', value: 1 },
        { not: { or: [{ field: 'b', op: 'eq', value: 2 }] } },
      ],
    });
    const { paths } = fromBuilder(root);
    const inner = root.children[1];
    expect(inner?.kind).toBe('group');
    if (inner?.kind !== 'group') return;
    expect(paths.get(root.children[0]!.id)).toBe('filter.and.0');
    expect(paths.get(inner.children[0]!.id)).toBe('filter.and.1.not.or.0');
  });

  it('removes a row and leaves its siblings', () => {
    const root = toBuilder({
      and: [
        { field: 'a', op: 'eq', value: 1 },
        { field: 'b', op: 'eq', value: 2 },
      ],
    });
    const without = removeNode(root, root.children[0]!.id);
    expect(fromBuilder(without).condition).toEqual({ and: [{ field: 'b', op: 'eq', value: 2 }] });
  });

  it('describes a condition in words', () => {
    const text = describeCondition(
      {
        and: [
          { field: 'sales', op: 'gt', value: 1000 },
          {
            or: [
              { field: 'region', op: 'in', value: ['East', 'West'] },
              { field: 'x', op: 'isNull' },
            ],
          },
        ],
      },
      { field: (f) => f.toUpperCase(), op: (o) => o, and: ' and ', or: ' or ', not: 'not ' },
    );
    expect(text).toBe('SALES gt 1000 and (REGION in [East, West] or X isNull)');
  });

  it('says what a row still lacks: field, operator, then a value unless the operator takes none', () => {
    const row = emptyLeaf();
    expect(missingPart(row)).toBe('field');
    expect(missingPart({ ...row, field: 'sales' })).toBe('op');
    expect(missingPart({ ...row, field: 'sales', op: 'gt' })).toBe('value');
    expect(missingPart({ ...row, field: 'sales', op: 'gt', value: 0 })).toBeNull();
    expect(missingPart({ ...row, field: 'shipDate', op: 'isNull' })).toBeNull();
    expect(missingPart({ ...row, field: 'note', op: 'eq', value: '' })).toBeNull();
  });
});

import { checkCondition, matches, type Condition, type Field } from '@whenthen/schema';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import { ModelStore } from './model-store.js';

// One golden table for both forms of a condition: each case lists the ids of the rows it selects,
// checked in memory (`matches`) and in SQLite (`compileCondition`). They must agree everywhere.
const fields: Field[] = [
  { name: 'name', type: 'text' },
  { name: 'sales', type: 'number' },
  { name: 'qty', type: 'integer' },
  { name: 'vip', type: 'boolean' },
  { name: 'day', type: 'date' },
  { name: 'at', type: 'datetime' },
  { name: 'region', type: 'enum', values: ['East', 'West'] },
  { name: 'tags', type: 'json' },
];
const rows = [
  {
    name: 'Ann',
    sales: 1500,
    qty: 3,
    vip: true,
    day: '2024-01-05',
    at: '2024-01-05T10:00:00.000Z',
    region: 'East',
    tags: ['a', 'b'],
  },
  {
    name: 'Bob',
    sales: 20.5,
    qty: 1,
    vip: false,
    day: '2024-02-01',
    at: '2024-02-01T00:00:00.000Z',
    region: 'West',
    tags: [1, 2],
  },
  {
    name: 'Anna',
    sales: 1000,
    qty: null,
    vip: null,
    day: null,
    at: null,
    region: null,
    tags: null,
  },
  {
    name: null,
    sales: null,
    qty: 7,
    vip: true,
    day: '2023-12-31',
    at: '2023-12-31T23:59:59.000Z',
    region: 'East',
    tags: { a: 1 },
  },
  {
    name: 'éclair 😀',
    sales: -3,
    qty: 0,
    vip: false,
    day: '2024-01-05',
    at: '2024-01-05T09:00:00.000Z',
    region: 'West',
    tags: [],
  },
  {
    name: 'Zed',
    sales: 7,
    qty: 2,
    vip: false,
    day: '2024-03-01',
    at: '2024-03-01T00:00:00.000Z',
    region: 'East',
    tags: 'a text, not a list',
  },
];

const golden: [string, Condition, number[]][] = [
  ['eq text', { field: 'name', op: 'eq', value: 'Ann' }, [1]],
  [
    'ne text (null counts as different)',
    { field: 'name', op: 'ne', value: 'Ann' },
    [2, 3, 4, 5, 6],
  ],
  ['gt number', { field: 'sales', op: 'gt', value: 1000 }, [1]],
  ['gte number', { field: 'sales', op: 'gte', value: 1000 }, [1, 3]],
  ['lt number', { field: 'sales', op: 'lt', value: 21 }, [2, 5, 6]],
  ['lte integer', { field: 'qty', op: 'lte', value: 1 }, [2, 5]],
  ['in integer', { field: 'qty', op: 'in', value: [3, 7] }, [1, 4]],
  ['nin integer (null is not in)', { field: 'qty', op: 'nin', value: [3, 7] }, [2, 3, 5, 6]],
  ['in empty', { field: 'qty', op: 'in', value: [] }, []],
  ['nin empty', { field: 'qty', op: 'nin', value: [] }, [1, 2, 3, 4, 5, 6]],
  ['contains text, case-sensitive', { field: 'name', op: 'contains', value: 'nn' }, [1, 3]],
  ['contains text, other case', { field: 'name', op: 'contains', value: 'ANN' }, []],
  [
    'contains json array element, or substring of a json string',
    { field: 'tags', op: 'contains', value: 'a' },
    [1, 6],
  ],
  ['contains json array element (number)', { field: 'tags', op: 'contains', value: 2 }, [2]],
  [
    'contains never matches a json object, nor a number in a json string',
    { field: 'tags', op: 'contains', value: 1 },
    [2],
  ],
  ['contains a substring of a json string', { field: 'tags', op: 'contains', value: 'not a' }, [6]],
  ['startsWith', { field: 'name', op: 'startsWith', value: 'An' }, [1, 3]],
  ['startsWith beyond the BMP', { field: 'name', op: 'startsWith', value: 'éclair 😀' }, [5]],
  ['isNull', { field: 'qty', op: 'isNull' }, [3]],
  ['notNull', { field: 'name', op: 'notNull' }, [1, 2, 3, 5, 6]],
  ['eq boolean', { field: 'vip', op: 'eq', value: true }, [1, 4]],
  ['ne boolean', { field: 'vip', op: 'ne', value: true }, [2, 3, 5, 6]],
  [
    'date range',
    {
      and: [
        { field: 'day', op: 'gte', value: '2024-01-01' },
        { field: 'day', op: 'lt', value: '2024-02-01' },
      ],
    },
    [1, 5],
  ],
  [
    'datetime compared as instants',
    { field: 'at', op: 'gt', value: '2024-01-05T10:30:00+01:00' },
    [1, 2, 6],
  ],
  ['enum in', { field: 'region', op: 'in', value: ['West'] }, [2, 5]],
  [
    'or',
    {
      or: [
        { field: 'sales', op: 'gt', value: 1000 },
        { field: 'qty', op: 'eq', value: 7 },
      ],
    },
    [1, 4],
  ],
  ['not of a leaf over nulls', { not: { field: 'sales', op: 'gt', value: 100 } }, [2, 4, 5, 6]],
  ['not of isNull', { not: { field: 'region', op: 'isNull' } }, [1, 2, 4, 5, 6]],
  [
    'nested and/or/not',
    {
      and: [
        {
          or: [
            { field: 'region', op: 'eq', value: 'East' },
            { field: 'vip', op: 'eq', value: false },
          ],
        },
        { not: { field: 'name', op: 'isNull' } },
      ],
    },
    [1, 2, 5, 6],
  ],
  ['empty and is true', { and: [] }, [1, 2, 3, 4, 5, 6]],
  ['empty or is false', { or: [] }, []],
  ['id', { field: 'id', op: 'in', value: [2, 4] }, [2, 4]],
];

describe('condition trees: in memory and in SQL agree', () => {
  const db = openDatabase(':memory:');
  const store = new ModelStore(db, { name: 'models.Probe', short: 'Probe', fields });
  const ids = rows.map((r) => store.insert(r));
  const stored = ids.map((id) => store.get(id)!);

  it.each(golden)('%s', (_name, condition, expected) => {
    const checked = checkCondition(condition, fields);
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    const inMemory = stored.filter((r) => matches(checked.condition, r)).map((r) => r.id);
    const inSql = store.ids(checked.condition);
    expect(inMemory).toEqual(expected);
    expect(inSql).toEqual(expected);
  });
});

describe('checkCondition', () => {
  it('names unknown fields, wrong operators and bad values by path', () => {
    const r = checkCondition(
      {
        and: [
          { field: 'nope', op: 'eq', value: 1 },
          { field: 'vip', op: 'gt', value: true },
          { field: 'sales', op: 'eq', value: '12' },
        ],
      },
      fields,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.field)).toEqual([
      'where.and.0.field',
      'where.and.1.op',
      'where.and.2.value',
    ]);
  });
  it('refuses what is not a tree', () => {
    expect(checkCondition({ field: 'sales', op: 'like', value: 1 }, fields).ok).toBe(false);
    expect(checkCondition([1, 2], fields).ok).toBe(false);
    expect(checkCondition({ field: 'sales', op: 'isNull', value: 3 }, fields).ok).toBe(false);
    expect(checkCondition({ field: 'sales', op: 'in', value: 3 }, fields).ok).toBe(false);
  });
});

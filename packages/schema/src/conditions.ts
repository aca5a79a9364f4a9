import { z } from 'zod';
import { checkValue, type Field, type FieldType } from './fields.js';

export const OPERATORS = [
  'eq',
  'ne',
  'gt',
  'gte',
  'lt',
  'lte',
  'in',
  'nin',
  'contains',
  'startsWith',
  'isNull',
  'notNull',
] as const;
export type Operator = (typeof OPERATORS)[number];

export type ConditionLeaf = { field: string; op: Operator; value?: unknown };
export type Condition =
  { and: Condition[] } | { or: Condition[] } | { not: Condition } | ConditionLeaf;

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union(
    [
      z.strictObject({ and: z.array(conditionSchema) }),
      z.strictObject({ or: z.array(conditionSchema) }),
      z.strictObject({ not: conditionSchema }),
      z.strictObject({
        field: z.string().min(1),
        op: z.enum(OPERATORS),
        value: z.unknown().optional(),
      }),
    ],
    {
      error: () =>
        `not a condition: expected { and: [...] }, { or: [...] }, { not: {...} } or { field, op, value } with op one of ${OPERATORS.join(', ')}`,
    },
  ),
);

/** Which operators each field type accepts; the in-memory and SQL forms agree on exactly these. */
export const OPERATORS_BY_TYPE: Record<FieldType | 'id', readonly Operator[]> = {
  id: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'nin'],
  text: OPERATORS,
  number: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', 'isNull', 'notNull'],
  integer: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', 'isNull', 'notNull'],
  ref: ['eq', 'ne', 'in', 'nin', 'isNull', 'notNull'],
  boolean: ['eq', 'ne', 'isNull', 'notNull'],
  date: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', 'isNull', 'notNull'],
  datetime: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'isNull', 'notNull'],
  enum: ['eq', 'ne', 'in', 'nin', 'isNull', 'notNull'],
  json: ['contains', 'isNull', 'notNull'],
};

export type ConditionProblem = { field: string; reason: string };

export function isLeaf(c: Condition): c is ConditionLeaf {
  return 'field' in c;
}

/**
 * Checks a condition tree against a model's fields and returns it with values normalised
 * (datetimes to UTC). Problems name the JSON path of the offending node.
 */
export function checkCondition(
  condition: unknown,
  fields: readonly Pick<Field, 'name' | 'type' | 'values'>[],
  path = 'where',
): { ok: true; condition: Condition } | { ok: false; problems: ConditionProblem[] } {
  const parsed = conditionSchema.safeParse(condition);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({
        field: [path, ...i.path].join('.'),
        reason:
          'not a condition tree: expected { and: [...] }, { or: [...] }, { not: {...} } or { field, op, value }',
      })),
    };
  }
  const problems: ConditionProblem[] = [];
  const byName = new Map(fields.map((f) => [f.name, f]));
  const walk = (c: Condition, at: string): Condition => {
    if ('and' in c) return { and: c.and.map((x, i) => walk(x, `${at}.and.${i}`)) };
    if ('or' in c) return { or: c.or.map((x, i) => walk(x, `${at}.or.${i}`)) };
    if ('not' in c) return { not: walk(c.not, `${at}.not`) };
    const type: FieldType | 'id' | undefined = c.field === 'id' ? 'id' : byName.get(c.field)?.type;
    if (!type) {
      problems.push({ field: `${at}.field`, reason: `unknown field "${c.field}"` });
      return c;
    }
    if (!OPERATORS_BY_TYPE[type].includes(c.op)) {
      problems.push({
        field: `${at}.op`,
        reason: `"${c.op}" does not apply to ${type} field "${c.field}"; use one of ${OPERATORS_BY_TYPE[type].join(', ')}`,
      });
      return c;
    }
    if (c.op === 'isNull' || c.op === 'notNull') {
      if (c.value !== undefined)
        problems.push({ field: `${at}.value`, reason: `"${c.op}" takes no value` });
      return { field: c.field, op: c.op };
    }
    const fieldLike = type === 'id' ? ({ type: 'integer' } as const) : byName.get(c.field)!;
    const one = (v: unknown, where: string): unknown => {
      if (v === null || v === undefined) {
        problems.push({
          field: where,
          reason: 'a value is required (use isNull / notNull for empty)',
        });
        return v;
      }
      if (c.op === 'contains' && type === 'json') {
        if (typeof v !== 'string' && typeof v !== 'number')
          problems.push({ field: where, reason: 'json "contains" takes a text or number element' });
        return v;
      }
      const checked = checkValue(fieldLike, v);
      if (!checked.ok) {
        problems.push({ field: where, reason: checked.reason });
        return v;
      }
      return checked.value;
    };
    if (c.op === 'in' || c.op === 'nin') {
      if (!Array.isArray(c.value)) {
        problems.push({ field: `${at}.value`, reason: `"${c.op}" takes an array` });
        return c;
      }
      return { field: c.field, op: c.op, value: c.value.map((v, i) => one(v, `${at}.value.${i}`)) };
    }
    return { field: c.field, op: c.op, value: one(c.value, `${at}.value`) };
  };
  const normalised = walk(parsed.data, path);
  return problems.length ? { ok: false, problems } : { ok: true, condition: normalised };
}

/** Compares strings by code point, which is the byte order SQLite's BINARY collation uses. */
export function compareText(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done ? (y.done ? 0 : -1) : 1;
    const d = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (d !== 0) return d;
  }
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'string' && typeof b === 'string') return compareText(a, b);
  return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
}

/**
 * Evaluates a checked condition against a row in memory. A null field never equals, orders or
 * contains anything; `ne` and `nin` are true for null. The SQL form follows the same rules.
 */
export function matches(c: Condition, row: Readonly<Record<string, unknown>>): boolean {
  if ('and' in c) return c.and.every((x) => matches(x, row));
  if ('or' in c) return c.or.some((x) => matches(x, row));
  if ('not' in c) return !matches(c.not, row);
  const v = row[c.field] ?? null;
  switch (c.op) {
    case 'isNull':
      return v === null;
    case 'notNull':
      return v !== null;
    case 'eq':
      return v !== null && compare(v, c.value) === 0;
    case 'ne':
      return v === null || compare(v, c.value) !== 0;
    case 'gt':
      return v !== null && compare(v, c.value) > 0;
    case 'gte':
      return v !== null && compare(v, c.value) >= 0;
    case 'lt':
      return v !== null && compare(v, c.value) < 0;
    case 'lte':
      return v !== null && compare(v, c.value) <= 0;
    case 'in':
      return v !== null && (c.value as unknown[]).some((x) => compare(v, x) === 0);
    case 'nin':
      return v === null || !(c.value as unknown[]).some((x) => compare(v, x) === 0);
    case 'contains':
      if (typeof v === 'string') return typeof c.value === 'string' && v.includes(c.value);
      if (Array.isArray(v)) return v.some((x) => x === c.value);
      return false;
    case 'startsWith':
      return typeof v === 'string' && v.startsWith(c.value as string);
  }
}

/** The names of the fields a condition reads. */
export function conditionFields(c: Condition, into = new Set<string>()): Set<string> {
  if ('and' in c) c.and.forEach((x) => conditionFields(x, into));
  else if ('or' in c) c.or.forEach((x) => conditionFields(x, into));
  else if ('not' in c) conditionFields(c.not, into);
  else into.add(c.field);
  return into;
}

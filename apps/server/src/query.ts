import { checkValue, MAX_JSON_DEPTH, nestingDepth } from '@whenthen/schema';
import { badQuery } from './http-errors.js';

type Query = Record<string, string | string[] | undefined>;

function one(q: Query, name: string): string | undefined {
  const v = q[name];
  if (Array.isArray(v)) throw badQuery(name, 'given more than once');
  return v === '' ? undefined : v;
}

/**
 * Refuses parameters a route does not know: a misspelt filter (`stauts=failed`, `wher=…`) would
 * otherwise be ignored and the answer would look filtered while it is not.
 */
export function onlyParams(q: Query, allowed: readonly string[]): void {
  const unknown = Object.keys(q).filter((k) => !allowed.includes(k));
  if (unknown.length)
    throw badQuery(unknown[0]!, `unknown parameter; this route takes ${allowed.join(', ')}`);
}

export function intParam(
  q: Query,
  name: string,
  opts: { min?: number; max?: number; default?: number } = {},
): number | undefined {
  const v = one(q, name);
  if (v === undefined) return opts.default;
  if (!/^-?\d+$/.test(v)) throw badQuery(name, 'expected an integer');
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw badQuery(name, 'is too large');
  if (opts.min !== undefined && n < opts.min) throw badQuery(name, `must be at least ${opts.min}`);
  if (opts.max !== undefined && n > opts.max) throw badQuery(name, `must be at most ${opts.max}`);
  return n;
}

export function stringParam(q: Query, name: string): string | undefined {
  return one(q, name);
}

export function jsonParam(q: Query, name: string): unknown {
  const v = one(q, name);
  if (v === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(v);
  } catch {
    throw badQuery(name, 'expected URL-encoded JSON');
  }
  if (nestingDepth(parsed) > MAX_DEPTH)
    throw badQuery(name, `nested more than ${MAX_DEPTH} levels deep`);
  return parsed;
}

/** All digits = epoch ms; otherwise ISO 8601 with an offset (or Z). */
export function timeParam(q: Query, name: string): number | undefined {
  const v = one(q, name);
  if (v === undefined) return undefined;
  if (/^\d+$/.test(v)) {
    if (v.length > 15) throw badQuery(name, 'epoch milliseconds out of range');
    return Number(v);
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(v))
    throw badQuery(
      name,
      'expected epoch milliseconds or ISO 8601 with an offset, e.g. 2024-05-01T10:00:00+02:00',
    );
  // The same check as a datetime field: Date.parse alone rolls 2024-02-30 over to March 1st.
  const checked = checkValue({ type: 'datetime' }, v);
  if (!checked.ok) throw badQuery(name, 'not a real time');
  return Date.parse(checked.value as string);
}

export function idParam(raw: string, name = 'id'): number {
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw)))
    throw badQuery(name, 'expected a record id (integer)');
  return Number(raw);
}

/** How deep JSON may nest in a body or a query parameter (condition trees, json values). */
export const MAX_DEPTH = MAX_JSON_DEPTH;
export { nestingDepth };

import type { Field } from '@whenthen/schema';

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => sameJson(x, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao);
  return ak.length === Object.keys(bo).length && ak.every((k) => k in bo && sameJson(ao[k], bo[k]));
}

/**
 * Whether a field's value really changed: JSON by content (objects ignoring key order, arrays by
 * elements), datetimes as instants, null ↔ value is a change, the same value is not.
 */
export function valueChanged(type: Field['type'], prev: unknown, next: unknown): boolean {
  const a = prev ?? null;
  const b = next ?? null;
  if (a === null || b === null) return a !== b;
  switch (type) {
    case 'json':
      return !sameJson(a, b);
    case 'datetime':
      return Date.parse(a as string) !== Date.parse(b as string);
    default:
      return a !== b;
  }
}

/** The fields whose values differ between two rows (`prev` null means a create: every set field). */
export function changedFields(
  fields: readonly Pick<Field, 'name' | 'type'>[],
  prev: Readonly<Record<string, unknown>> | null,
  next: Readonly<Record<string, unknown>> | null,
): string[] {
  const out: string[] = [];
  for (const f of fields) {
    const a = prev ? prev[f.name] : null;
    const b = next ? next[f.name] : null;
    if (valueChanged(f.type, a, b)) out.push(f.name);
  }
  return out;
}

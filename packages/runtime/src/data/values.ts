import { checkValue, type Field } from '@whenthen/schema';
import { validationError, type ErrorDetail } from '../errors.js';
import type { ModelSpec } from './model-store.js';

/**
 * Checks client (or handler) values against a model: unknown fields and `id` are refused, types are
 * checked without coercion, datetimes normalised. Throws VALIDATION_FAILED naming every bad field.
 */
export function checkValues(
  spec: ModelSpec,
  values: unknown,
  where = 'body',
): Record<string, unknown> {
  if (typeof values !== 'object' || values === null || Array.isArray(values))
    throw validationError([{ field: where, reason: 'expected an object of field values' }]);
  const byName = new Map<string, Field>(spec.fields.map((f) => [f.name, f]));
  const out: Record<string, unknown> = {};
  const details: ErrorDetail[] = [];
  for (const [name, value] of Object.entries(values)) {
    if (name === 'id') {
      details.push({ field: 'id', reason: 'is set by WhenThen and cannot be written' });
      continue;
    }
    const field = byName.get(name);
    if (!field) {
      details.push({ field: name, reason: `unknown field of ${spec.name}` });
      continue;
    }
    if (value === undefined) continue;
    const checked = checkValue(field, value);
    if (checked.ok) out[name] = checked.value;
    else details.push({ field: name, reason: checked.reason });
  }
  if (details.length)
    throw validationError(
      details,
      `${spec.name}: ${details.map((d) => `${d.field} ${d.reason}`).join('; ')}`,
    );
  return out;
}

/** Required fields must hold a value once before handlers are done. */
/** No value for a required field or parameter: null, left out, or empty text (as the IDE's forms see it). */
export const isMissing = (value: unknown): boolean =>
  value === null || value === undefined || value === '';

export function checkRequired(spec: ModelSpec, row: Record<string, unknown>): void {
  const missing = spec.fields.filter((f) => f.required && isMissing(row[f.name]));
  if (missing.length)
    throw validationError(
      missing.map((f) => ({ field: f.name, reason: 'is required' })),
      `${spec.name}: ${missing.map((f) => f.name).join(', ')} ${missing.length > 1 ? 'are' : 'is'} required`,
    );
}

/** A full row for a create: every field present, null where not given (or the field's default). */
export function emptyRow(spec: ModelSpec): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const f of spec.fields) row[f.name] = f.default ?? null;
  return row;
}

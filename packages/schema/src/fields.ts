import { z } from 'zod';
import { builtinNameMessage, FIELD_NAME, isBuiltinName } from './names.js';

export const FIELD_TYPES = [
  'text',
  'number',
  'integer',
  'boolean',
  'date',
  'datetime',
  'enum',
  'json',
  'ref',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const fieldSchema = z
  .object({
    name: z.string().regex(FIELD_NAME, 'must start with a lower-case letter; letters, digits, _'),
    type: z.enum(FIELD_TYPES),
    title: z.string().max(200).optional(),
    required: z.boolean().optional(),
    unique: z.boolean().optional(),
    values: z.array(z.string().min(1)).min(1).optional(),
    model: z.string().optional(),
    default: z.unknown().optional(),
  })
  .superRefine((f, ctx) => {
    if (f.name === 'id')
      ctx.addIssue({ code: 'custom', path: ['name'], message: '"id" is reserved' });
    if (isBuiltinName(f.name))
      ctx.addIssue({ code: 'custom', path: ['name'], message: builtinNameMessage(f.name) });
    if (f.type === 'enum' && !f.values)
      ctx.addIssue({ code: 'custom', path: ['values'], message: 'an enum field needs "values"' });
    if (f.type === 'ref' && !f.model)
      ctx.addIssue({ code: 'custom', path: ['model'], message: 'a ref field needs "model"' });
    if (f.values && new Set(f.values).size !== f.values.length)
      ctx.addIssue({ code: 'custom', path: ['values'], message: 'enum values must be distinct' });
    if (f.default !== undefined && f.default !== null && f.type !== 'ref') {
      const checked = checkValue(f, f.default);
      if (!checked.ok)
        ctx.addIssue({
          code: 'custom',
          path: ['default'],
          message: `not a valid default: ${checked.reason}`,
        });
    }
  });
export type Field = z.infer<typeof fieldSchema>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
// ISO 8601 with an explicit offset (or Z); a datetime without a zone is ambiguous and refused.
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Longest text a text field holds (a json field takes larger documents). */
export const MAX_TEXT_CHARS = 100_000;

/** Result of checking one value against a field type. */
export type ValueCheck = { ok: true; value: unknown } | { ok: false; reason: string };

/**
 * Checks a value for a field and normalises it to its stored form: datetimes become UTC ISO strings
 * with `Z` and milliseconds, so stored datetimes compare as instants. No silent coercion: "12" is
 * not a number.
 */
export function checkValue(field: Pick<Field, 'type' | 'values'>, value: unknown): ValueCheck {
  if (value === null) return { ok: true, value: null };
  switch (field.type) {
    case 'text':
      if (typeof value !== 'string') return { ok: false, reason: 'expected text' };
      return value.length <= MAX_TEXT_CHARS
        ? { ok: true, value }
        : {
            ok: false,
            reason: `is ${value.length} characters long; text holds at most ${MAX_TEXT_CHARS} (use a json field for documents)`,
          };
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? { ok: true, value }
        : { ok: false, reason: 'expected a number' };
    case 'integer':
    case 'ref':
      return typeof value === 'number' && Number.isSafeInteger(value)
        ? { ok: true, value }
        : {
            ok: false,
            reason: field.type === 'ref' ? 'expected a record id (integer)' : 'expected an integer',
          };
    case 'boolean':
      return typeof value === 'boolean'
        ? { ok: true, value }
        : { ok: false, reason: 'expected true or false' };
    case 'date':
      return typeof value === 'string' && DATE.test(value) && isRealDate(value)
        ? { ok: true, value }
        : { ok: false, reason: 'expected a date YYYY-MM-DD' };
    case 'datetime': {
      if (typeof value !== 'string' || !DATETIME.test(value))
        return {
          ok: false,
          reason: 'expected an ISO 8601 datetime with a zone, e.g. 2024-05-01T10:00:00Z',
        };
      const t = Date.parse(value);
      if (Number.isNaN(t) || !isRealDate(value.slice(0, 10)))
        return { ok: false, reason: 'not a real datetime' };
      return { ok: true, value: new Date(t).toISOString() };
    }
    case 'enum':
      return typeof value === 'string' && (field.values ?? []).includes(value)
        ? { ok: true, value }
        : { ok: false, reason: `expected one of ${(field.values ?? []).join(', ')}` };
    case 'json':
      return { ok: true, value };
  }
}

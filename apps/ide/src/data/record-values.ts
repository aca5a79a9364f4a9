import { checkValue, type Field } from '@whenthen/schema';

/** Form values: json fields as text, the rest as API values. */
export type FormValues = Record<string, unknown>;

/** A stored record as form values. */
export function toFormValues(
  fields: readonly Field[],
  record: Record<string, unknown> | null,
): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const value = record ? record[field.name] : field.default;
    values[field.name] =
      field.type === 'json'
        ? value === undefined || value === null
          ? ''
          : JSON.stringify(value, null, 2)
        : (value ?? null);
  }
  return values;
}

const PROSE_NAME = /desc|body|note|comment|content|remark|message|summary|address|reason|detail/i;

/**
 * Text fields edited in a multi-line box: those named for prose (description, body, note …) and
 * those whose value is already long or spans lines. Decided when the form opens, so the input does
 * not change kind (and lose focus) while the user types.
 */
export function isLongText(field: Field, value: unknown): boolean {
  if (field.type !== 'text') return false;
  if (PROSE_NAME.test(field.name)) return true;
  return typeof value === 'string' && (value.length > 60 || value.includes('\n'));
}

export type Conversion =
  { ok: true; values: Record<string, unknown> } | { ok: false; errors: Record<string, string> };

/**
 * The body of a create (every filled field) or an update (only the fields that changed, so events
 * on "specified fields" see exactly what the developer touched). Values are checked with the same
 * rules as the server; empty optional fields become null on update and are left out on create.
 */
export function fromFormValues(
  fields: readonly Field[],
  values: FormValues,
  original: Record<string, unknown> | null,
  words: { required: string; invalidJson: string },
): Conversion {
  const out: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    let value = values[field.name];
    if (field.type === 'json') {
      const text = typeof value === 'string' ? value.trim() : '';
      if (text === '') value = null;
      else {
        try {
          value = JSON.parse(text);
        } catch {
          errors[field.name] = words.invalidJson;
          continue;
        }
      }
    }
    // An emptied input means "no value"; a required field must have one.
    if (value === '' || value === undefined) value = null;
    if (value === null && field.required) {
      errors[field.name] = words.required;
      continue;
    }
    const checked = checkValue(field, value);
    if (!checked.ok) {
      errors[field.name] = checked.reason;
      continue;
    }
    if (original) {
      if (JSON.stringify(original[field.name] ?? null) !== JSON.stringify(checked.value))
        out[field.name] = checked.value;
    } else if (checked.value !== null) out[field.name] = checked.value;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, values: out };
}

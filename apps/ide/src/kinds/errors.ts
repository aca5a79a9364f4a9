import type { ErrorDetail } from '../api/types';
import type { FieldErrors } from './types';

export function addError(errors: FieldErrors, key: string, message: string): void {
  const list = (errors[key] ??= []);
  if (!list.includes(message)) list.push(message);
}

/** The form key a problem path belongs to: `definition.filter.and.0.value` → `filter`. */
export function formKeyOf(path: string): string {
  const trimmed = path.replace(/^(body|definition)\./, '').replace(/^\$\.?/, '');
  return trimmed.split(/[.[]/)[0] ?? '';
}

/**
 * Sorts problems (client or server) by the form key they concern; unknown keys go to `_` with the
 * path kept in the message so nothing is lost.
 */
export function errorsByKey(
  details: readonly ErrorDetail[],
  knownKeys: readonly string[],
): FieldErrors {
  const errors: FieldErrors = {};
  for (const detail of details) {
    const key = formKeyOf(detail.field);
    if (knownKeys.includes(key)) addError(errors, key, detail.reason);
    else
      addError(
        errors,
        '_',
        detail.field && detail.field !== '(root)'
          ? `${detail.field}: ${detail.reason}`
          : detail.reason,
      );
  }
  return errors;
}

export function mergeErrors(...all: FieldErrors[]): FieldErrors {
  const out: FieldErrors = {};
  for (const errors of all)
    for (const [key, list] of Object.entries(errors)) for (const m of list) addError(out, key, m);
  return out;
}

export const hasErrors = (errors: FieldErrors): boolean =>
  Object.values(errors).some((l) => l.length > 0);

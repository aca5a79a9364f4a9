import {
  eventSchemas,
  isBuiltinName,
  PARAM_VALUE_TYPES,
  RETURN_TYPES as SCHEMA_RETURN_TYPES,
} from '@whenthen/schema';
import type { Translate } from '../i18n';
import { addError } from '../kinds/errors';
import type { FieldErrors } from '../kinds/types';

/** Parameter types a service function may declare (DESIGN §3–4); `event:<kind>` fits that kind. */
export const PARAM_TYPES: readonly string[] = [
  ...PARAM_VALUE_TYPES,
  ...Object.keys(eventSchemas).map((kind) => `event:${kind}`),
];

/** Return types, `json` first (the usual one). */
export const RETURN_TYPES: readonly string[] = [
  'json',
  ...SCHEMA_RETURN_TYPES.filter((type) => type !== 'json'),
];

export type ParamDraft = { name: string; type: string; title?: string; required?: boolean };
export type FunctionDraft = {
  name: string;
  title?: string;
  params: ParamDraft[];
  returns?: string;
};
export type EventDescDraft = { name: string; title?: string; desc?: string };

/** A service's e.json while it is edited; unknown keys are kept as they were. */
export type ServiceDraft = {
  type: 'service';
  title?: string;
  functions: FunctionDraft[];
  eventDescs: EventDescDraft[];
  [key: string]: unknown;
};

const FUNCTION_NAME = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const EVENT_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

const asArray = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value)
    ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null)
    : [];
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The form's view of a stored definition: every list present, every name a string. */
export function serviceDraftOf(definition: Record<string, unknown>): ServiceDraft {
  return {
    ...definition,
    type: 'service',
    title: text(definition.title),
    functions: asArray(definition.functions).map((f) => ({
      ...f,
      name: text(f.name),
      title: text(f.title),
      params: asArray(f.params).map((p) => ({ ...p, name: text(p.name), type: text(p.type) })),
      returns: text(f.returns) || undefined,
    })),
    eventDescs: asArray(definition.eventDescs).map((e) => ({
      ...e,
      name: text(e.name),
      title: text(e.title),
      desc: text(e.desc),
    })),
  };
}

/** What is written to e.json: empty titles and descriptions are left out, names trimmed. */
export function serviceDefinitionOf(draft: ServiceDraft): Record<string, unknown> {
  const optional = <T extends Record<string, unknown>>(obj: T, keys: string[]): T => {
    const out: Record<string, unknown> = { ...obj };
    for (const key of keys) {
      const value = out[key];
      if (typeof value === 'string' && value.trim() === '') delete out[key];
      else if (typeof value === 'string') out[key] = value.trim();
      else if (value === undefined) delete out[key];
    }
    return out as T;
  };
  return optional(
    {
      ...draft,
      functions: draft.functions.map((f) =>
        optional(
          {
            ...f,
            name: f.name.trim(),
            params: f.params.map((p) => optional({ ...p, name: p.name.trim() }, ['title'])),
          },
          ['title', 'returns'],
        ),
      ),
      eventDescs: draft.eventDescs.map((e) =>
        optional({ ...e, name: e.name.trim() }, ['title', 'desc']),
      ),
    },
    ['title'],
  );
}

function checkNames(
  errors: FieldErrors,
  items: readonly { name: string }[],
  keyOf: (index: number) => string,
  pattern: RegExp,
  invalid: string,
  t: Translate,
): void {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const name = item.name.trim();
    if (!name) addError(errors, keyOf(index), t('service.nameRequired'));
    else if (!pattern.test(name)) addError(errors, keyOf(index), invalid);
    else if (isBuiltinName(name))
      addError(errors, keyOf(index), t('service.nameBuiltin', { name }));
    else if (seen.has(name)) addError(errors, keyOf(index), t('service.nameDuplicate', { name }));
    seen.set(name, index);
  });
}

/**
 * Checks the draft the way the server will (names, duplicates, types); messages by form key:
 * `title`, `functions.0.name`, `functions.0.params.1.type`, `eventDescs.2.name`.
 */
export function validateServiceDraft(draft: ServiceDraft, t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  checkNames(
    errors,
    draft.functions,
    (i) => `functions.${i}.name`,
    FUNCTION_NAME,
    t('service.nameInvalid'),
    t,
  );
  draft.functions.forEach((fn, i) => {
    checkNames(
      errors,
      fn.params,
      (j) => `functions.${i}.params.${j}.name`,
      FUNCTION_NAME,
      t('service.nameInvalid'),
      t,
    );
    fn.params.forEach((p, j) => {
      if (!p.type) addError(errors, `functions.${i}.params.${j}.type`, t('service.typeRequired'));
    });
  });
  checkNames(
    errors,
    draft.eventDescs,
    (i) => `eventDescs.${i}.name`,
    EVENT_NAME,
    t('service.eventNameInvalid'),
    t,
  );
  return errors;
}

/**
 * The form key a server problem path belongs to: `definition.functions.0.params.1.type` →
 * `functions.0.params.1.type`; `definition.functions.0` → `functions.0.name` (the row's first input).
 */
export function serviceFormKey(path: string): string {
  const trimmed = path.replace(/^(body|definition)\.?/, '');
  if (trimmed === '' || trimmed === '(root)') return '_';
  if (trimmed === 'code' || trimmed.startsWith('line ')) return 'code';
  if (trimmed === 'title') return 'title';
  const param = /^functions\.(\d+)\.params\.(\d+)\.(name|type)/.exec(trimmed);
  if (param) return `functions.${param[1]}.params.${param[2]}.${param[3]}`;
  const fn = /^functions\.(\d+)(?:\.(name|title|returns))?/.exec(trimmed);
  if (fn) return `functions.${fn[1]}.${fn[2] ?? 'name'}`;
  const evt = /^eventDescs\.(\d+)(?:\.(name|title|desc))?/.exec(trimmed);
  if (evt) return `eventDescs.${evt[1]}.${evt[2] ?? 'name'}`;
  return '_';
}

/** Server problems sorted by form key; those no field owns keep their path in the message. */
export function serviceErrorsOf(
  details: readonly { field: string; reason: string }[],
): FieldErrors {
  const errors: FieldErrors = {};
  for (const d of details) {
    const key = serviceFormKey(d.field);
    addError(errors, key, key === '_' && d.field ? `${d.field}: ${d.reason}` : d.reason);
  }
  return errors;
}

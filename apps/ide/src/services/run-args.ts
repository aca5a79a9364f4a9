import { checkValue, type FieldType } from '@whenthen/schema';

type Param = { name: string; type: string; required?: boolean };

/** The value types the Run form edits with a typed input; the rest is JSON text. */
const FIELD_PARAM_TYPES: readonly string[] = [
  'text',
  'number',
  'integer',
  'boolean',
  'date',
  'datetime',
];

/** How the Run panel asks for a function's arguments. */
export type ArgsForm =
  | { mode: 'fields'; params: readonly Param[] }
  /** A handler function (`event:<kind>` parameter) gets a whole payload as its arguments. */
  | { mode: 'payload'; param: Param; kind: string };

export function argsFormOf(params: readonly Param[]): ArgsForm {
  const event = params.find((p) => p.type.startsWith('event:'));
  return event
    ? { mode: 'payload', param: event, kind: event.type.slice('event:'.length) }
    : { mode: 'fields', params };
}

/** Whether a parameter is edited as a typed value (else as JSON text). */
export const isFieldParam = (type: string): boolean => FIELD_PARAM_TYPES.includes(type);

/** A payload to start from, in the shape DESIGN §4 gives each kind. */
export function samplePayload(
  kind: string,
  hint: { sender?: string; model?: string } = {},
): string {
  const common = { id: 'run-from-ide', requestId: 'run-from-ide', depth: 0 };
  const sample =
    kind === 'custom'
      ? { ...common, sender: hint.sender ?? 'services.Service.event', args: {} }
      : kind === 'model'
        ? {
            ...common,
            model: hint.model ?? 'models.Order',
            timing: 'afterCreate',
            op: 'create',
            prev: null,
            next: { id: 1 },
            changed: [],
            batch: null,
          }
        : kind === 'approval'
          ? { ...common, flow: 'approvals.Flow', status: 'approved', prevStatus: 'pending' }
          : common;
  return JSON.stringify(sample, null, 2);
}

/** Form values: typed values for field parameters, JSON text for the others and for payloads. */
export type ArgValues = Record<string, unknown>;

export type ArgsResult =
  { ok: true; args: unknown } | { ok: false; errors: Record<string, string> };

/** The form value holding a handler function's payload text. */
export const PAYLOAD_KEY = '$payload';

/**
 * The body of the call: filled parameters checked with the server's value rules (empty ones are
 * left out, and refused when required), JSON parameters parsed; for a handler function, the parsed
 * payload itself.
 */
export function argsOf(
  form: ArgsForm,
  values: ArgValues,
  words: { invalidJson: string; required: string },
): ArgsResult {
  const parse = (raw: unknown): { ok: true; value: unknown } | { ok: false } => {
    const source = typeof raw === 'string' ? raw.trim() : '';
    if (source === '') return { ok: true, value: undefined };
    try {
      return { ok: true, value: JSON.parse(source) };
    } catch {
      return { ok: false };
    }
  };
  if (form.mode === 'payload') {
    const parsed = parse(values[PAYLOAD_KEY]);
    return parsed.ok
      ? { ok: true, args: parsed.value ?? {} }
      : { ok: false, errors: { [PAYLOAD_KEY]: words.invalidJson } };
  }
  const args: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const param of form.params) {
    const raw = values[param.name];
    if (!isFieldParam(param.type)) {
      const parsed = parse(raw);
      if (!parsed.ok) errors[param.name] = words.invalidJson;
      else if (param.required && (parsed.value === undefined || parsed.value === null))
        errors[param.name] = words.required;
      else if (parsed.value !== undefined) args[param.name] = parsed.value;
      continue;
    }
    if (raw === undefined || raw === null || raw === '') {
      if (param.required) errors[param.name] = words.required;
      continue;
    }
    const checked = checkValue({ type: param.type as FieldType }, raw);
    if (checked.ok) args[param.name] = checked.value;
    else errors[param.name] = checked.reason;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, args };
}

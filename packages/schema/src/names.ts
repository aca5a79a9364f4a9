/** Element groups, in the order the element tree shows them. */
export const GROUPS = [
  'models',
  'services',
  'approvals',
  'events',
  'agents',
  'assistants',
] as const;
export type Group = (typeof GROUPS)[number];

export const FULL_NAME =
  /^(models|services|approvals|events|agents|assistants)\.[A-Z][A-Za-z0-9]{0,63}$/;
export const SHORT_NAME = /^[A-Z][A-Za-z0-9]{0,63}$/;
export const FIELD_NAME = /^[a-z][A-Za-z0-9_]{0,63}$/;

/**
 * Names every JavaScript object already has. A field, parameter, function or event so named would
 * be read as the built-in wherever records and arguments are plain objects, so they are refused.
 */
const OBJECT_BUILTINS: ReadonlySet<string> = new Set([
  'constructor',
  '__proto__',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toString',
  'toLocaleString',
  'valueOf',
]);
export const isBuiltinName = (name: string): boolean => OBJECT_BUILTINS.has(name);
export const builtinNameMessage = (name: string): string =>
  `"${name}" is reserved: every JavaScript object has it`;

/** Splits `models.Order` into its group and short name; null when the name is not a valid full name. */
export function parseFullName(name: string): { group: Group; short: string } | null {
  if (!FULL_NAME.test(name)) return null;
  const dot = name.indexOf('.');
  return { group: name.slice(0, dot) as Group, short: name.slice(dot + 1) };
}

/** The group an element of a given `type` lives in. */
export const GROUP_OF_TYPE = {
  model: 'models',
  service: 'services',
  approval: 'approvals',
  event: 'events',
  agent: 'agents',
  assistant: 'assistants',
} as const satisfies Record<string, Group>;

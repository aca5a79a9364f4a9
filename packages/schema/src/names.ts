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

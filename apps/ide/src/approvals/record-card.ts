import { conditionFields, type Condition, type Field } from '@whenthen/schema';

/** How many fields the record card shows before "show all". */
export const CARD_FIELDS = 9;

/**
 * The fields of the record under approval in the order an approver wants them: those the flow's
 * condition looks at first (they are why approval is needed), then the rest in model order.
 * Empty values are left out.
 */
export function cardFields(
  fields: readonly Field[],
  record: Record<string, unknown>,
  condition: Condition | null,
): { field: Field; inCondition: boolean }[] {
  const used = condition ? conditionFields(condition) : new Set<string>();
  const filled = fields.filter((f) => record[f.name] !== null && record[f.name] !== undefined);
  return [
    ...filled.filter((f) => used.has(f.name)).map((field) => ({ field, inCondition: true })),
    ...filled.filter((f) => !used.has(f.name)).map((field) => ({ field, inCondition: false })),
  ];
}

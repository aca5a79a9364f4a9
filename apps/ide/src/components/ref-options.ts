import type { Condition, Field } from '@whenthen/schema';

/** The text fields a record of a model is recognised by: `name`/`title` first, then the others (at most two). */
export function labelFields(fields: readonly Pick<Field, 'name' | 'type'>[]): string[] {
  const text = fields.filter((f) => f.type === 'text').map((f) => f.name);
  const preferred: string[] = text.filter((n) => n === 'name' || n === 'title');
  return [...preferred, ...text.filter((n) => !preferred.includes(n))].slice(0, 2);
}

/** How a referenced record reads in a picker: `#12 · Claire Gute (CG-12520)`. */
export function refLabel(record: Record<string, unknown>, labels: readonly string[]): string {
  const texts = labels
    .map((name) => record[name])
    .filter((v): v is string => typeof v === 'string' && v !== '');
  const [first, ...rest] = texts;
  const id = `#${String(record.id)}`;
  if (first === undefined) return id;
  return rest.length ? `${id} · ${first} (${rest.join(', ')})` : `${id} · ${first}`;
}

/**
 * The condition that finds records for what was typed: the id when it is a whole number, and the
 * label fields containing the text. Nothing typed: no condition (the first records).
 */
export function refSearch(text: string, labels: readonly string[]): Condition | undefined {
  const typed = text.trim();
  if (!typed) return undefined;
  const terms: Condition[] = labels.map((field) => ({
    field,
    op: 'contains' as const,
    value: typed,
  }));
  if (/^\d{1,15}$/.test(typed)) terms.unshift({ field: 'id', op: 'eq', value: Number(typed) });
  if (terms.length === 0) return { field: 'id', op: 'eq', value: -1 };
  return terms.length === 1 ? terms[0] : { or: terms };
}

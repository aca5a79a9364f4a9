import type { Condition } from '@whenthen/schema';

export type Compiled = { sql: string; params: unknown[] };

/** How a field's values are stored, so condition values are bound in the stored form. */
export type ColumnKind = 'text' | 'number' | 'boolean' | 'json';

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

function bind(kind: ColumnKind, v: unknown): unknown {
  if (kind === 'boolean') return v ? 1 : 0;
  return v;
}

/**
 * Compiles a checked condition tree to a SQLite expression. Every leaf yields 0 or 1, never NULL,
 * so `not` and the in-memory evaluator (`matches`) agree on every operator, null included.
 */
export function compileCondition(c: Condition, kindOf: (field: string) => ColumnKind): Compiled {
  const params: unknown[] = [];
  const walk = (n: Condition): string => {
    if ('and' in n) return n.and.length ? `(${n.and.map(walk).join(' AND ')})` : '1';
    if ('or' in n) return n.or.length ? `(${n.or.map(walk).join(' OR ')})` : '0';
    if ('not' in n) return `(NOT ${walk(n.not)})`;
    const col = quoteIdent(n.field);
    const kind = kindOf(n.field);
    const p = (v: unknown) => {
      params.push(bind(kind, v));
      return '?';
    };
    const notNull = `${col} IS NOT NULL`;
    switch (n.op) {
      case 'isNull':
        return `(${col} IS NULL)`;
      case 'notNull':
        return `(${notNull})`;
      case 'eq':
        return `(${notNull} AND ${col} = ${p(n.value)})`;
      case 'ne':
        return `(${col} IS NULL OR ${col} <> ${p(n.value)})`;
      case 'gt':
        return `(${notNull} AND ${col} > ${p(n.value)})`;
      case 'gte':
        return `(${notNull} AND ${col} >= ${p(n.value)})`;
      case 'lt':
        return `(${notNull} AND ${col} < ${p(n.value)})`;
      case 'lte':
        return `(${notNull} AND ${col} <= ${p(n.value)})`;
      case 'in': {
        const values = n.value as unknown[];
        return values.length ? `(${notNull} AND ${col} IN (${values.map(p).join(', ')}))` : '0';
      }
      case 'nin': {
        const values = n.value as unknown[];
        return values.length
          ? `(${col} IS NULL OR ${col} NOT IN (${values.map(p).join(', ')}))`
          : '1';
      }
      case 'contains':
        // A json value that is an array contains its elements; one that is a string, its substrings.
        if (kind === 'json') {
          const element = p(n.value);
          const textType = p(n.value);
          const text = p(n.value);
          return `(${notNull} AND CASE json_type(${col}) WHEN 'array' THEN EXISTS (SELECT 1 FROM json_each(${col}) WHERE json_each.type IN ('text', 'integer', 'real') AND json_each.value = ${element}) WHEN 'text' THEN typeof(${textType}) = 'text' AND instr(json_extract(${col}, '$'), ${text}) > 0 ELSE 0 END)`;
        }
        return `(${notNull} AND instr(${col}, ${p(n.value)}) > 0)`;
      case 'startsWith': {
        const a = p(n.value);
        const b = p(n.value);
        return `(${notNull} AND substr(${col}, 1, length(${a})) = ${b})`;
      }
    }
  };
  const sql = walk(c);
  return { sql, params };
}

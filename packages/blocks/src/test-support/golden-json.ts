import type { BlockDocument } from '../types.js';

/** Keys shown first, in this order, so a block reads kind → position → content. */
const FIRST_KEYS = ['kind', 'role', 'name', 'text', 'line', 'endLine', 'range', 'fullRange'];

/** What a golden file records of a document: everything but the code itself and the volatile ids. */
export function goldenView(doc: BlockDocument): unknown {
  const { error, handler, blocks, style } = doc;
  return withoutIds({ error, handler, style, blocks });
}

function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).filter(([key]) => key !== 'id');
  const rank = (key: string) => {
    const index = FIRST_KEYS.indexOf(key);
    return index === -1 ? FIRST_KEYS.length : index;
  };
  entries.sort(([a], [b]) => rank(a) - rank(b));
  return Object.fromEntries(entries.map(([key, item]) => [key, withoutIds(item)]));
}

/** JSON with small objects and arrays kept on one line, for reading by eye. */
export function stringifyGolden(value: unknown, indent = ''): string {
  const line = inline(value);
  if (value === null || typeof value !== 'object') return line;
  if (depth(value) <= 2 && indent.length + line.length <= 100) return line;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => inner + stringifyGolden(item, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return `{\n${entries
    .map(([key, item]) => `${inner}${JSON.stringify(key)}: ${stringifyGolden(item, inner)}`)
    .join(',\n')}\n${indent}}`;
}

function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(
      ([key, item]) => `${JSON.stringify(key)}: ${inline(item)}`,
    );
    return `{${entries.join(', ')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function depth(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + Math.max(0, ...children.map(depth));
}

/** How deep JSON may nest in an element file, a request body or a query parameter. */
export const MAX_JSON_DEPTH = 64;

/**
 * The nesting depth of a parsed JSON value, counted without recursion (so any depth is safe); it
 * stops counting once past `MAX_JSON_DEPTH`. The checks that follow recurse, so callers refuse
 * deeper values first.
 */
export function nestingDepth(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (d > max) max = d;
    if (max > MAX_JSON_DEPTH) return max;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

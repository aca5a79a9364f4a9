/** What is written to e.json: optional keys left empty in the form (null, no tags, no title) are left out. */
export function stripEmpty<T extends Record<string, unknown>>(draft: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(draft)) {
    if (value === null || value === undefined) continue;
    if (key === 'tags' && Array.isArray(value) && value.length === 0) continue;
    if (key === 'title' && value === '') continue;
    out[key] = value;
  }
  return out as T;
}

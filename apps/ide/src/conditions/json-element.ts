/**
 * The value of a json field's "contains" row, typed as text. The element looked for is a number or
 * a text: `1` is the number 1 (matching `[1, 2]`), `"1"` is the text "1" (matching `["1"]`), and
 * anything else is the text as typed.
 */
export function jsonElementFromText(text: string): unknown {
  const trimmed = text.trim();
  // Only numbers that print back the same, so typing "1.50" or "01" is not rewritten mid-way.
  if (/^-?\d/.test(trimmed) && String(Number(trimmed)) === trimmed) return Number(trimmed);
  if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (typeof parsed === 'string') return parsed;
    } catch {
      // not a JSON string literal ("a"b"): the text as typed
    }
  }
  return text;
}

/** The text shown for a stored element: a text that would read as a number or quoted keeps quotes. */
export function jsonElementText(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return '';
  return jsonElementFromText(value) === value ? value : JSON.stringify(value);
}

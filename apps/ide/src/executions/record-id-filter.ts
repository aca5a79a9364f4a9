/**
 * The "trigger record id" filter as typed: blank is no filter, digits are a record id (records get
 * integer ids), anything else is refused here rather than sent (the server would answer 400 and the
 * table would keep showing the unfiltered runs as if they matched).
 */
export function recordIdFilter(text: string): { recordId?: string; invalid: boolean } {
  const trimmed = text.trim();
  if (trimmed === '') return { invalid: false };
  return /^\d+$/.test(trimmed) ? { recordId: trimmed, invalid: false } : { invalid: true };
}

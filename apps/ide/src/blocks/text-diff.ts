/**
 * The smallest single replacement turning `before` into `after` (common start and end kept), so
 * the code view can apply a block edit without replacing its whole text: the cursor, scroll
 * position and undo stack of the lines around stay where they were.
 */
export function textChange(
  before: string,
  after: string,
): { start: number; end: number; text: string } | null {
  if (before === after) return null;
  let start = 0;
  const shortest = Math.min(before.length, after.length);
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // Do not split a surrogate pair or a CRLF.
  if (start > 0 && isLowSurrogateOrLf(before, start)) start--;
  let endBefore = before.length;
  let endAfter = after.length;
  while (
    endBefore > start &&
    endAfter > start &&
    before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)
  ) {
    endBefore--;
    endAfter--;
  }
  if (endBefore < before.length && isLowSurrogateOrLf(before, endBefore)) {
    endBefore++;
    endAfter++;
  }
  return { start, end: endBefore, text: after.slice(start, endAfter) };
}

function isLowSurrogateOrLf(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code >= 0xdc00 && code <= 0xdfff) return true;
  return code === 10 && text.charCodeAt(at - 1) === 13;
}

import type { Range } from './types.js';

/** Replace `code[start, end)` with `text`. */
export interface Splice {
  start: number;
  end: number;
  text: string;
  /**
   * The text is a copy of old code (a moved or re-indented block): `map` turns an offset inside
   * `range` into an offset inside `text`, so blocks inside keep their ids.
   */
  copyOf?: { range: Range; map: (offset: number) => number };
}

export interface SpliceResult {
  code: string;
  /** Where an offset of the old code is in the new code; null when its text was replaced. */
  mapOffset: (offset: number) => number | null;
}

/** Applies non-overlapping splices, all given against the same original code. */
export function applySplices(code: string, splices: Splice[]): SpliceResult {
  // An insertion and a replacement at the same offset: the insertion goes first.
  const sorted = splices
    .map((splice, order) => ({ splice, order }))
    .sort(
      (a, b) =>
        a.splice.start - b.splice.start ||
        a.splice.end - a.splice.start - (b.splice.end - b.splice.start) ||
        a.order - b.order,
    )
    .map(({ splice }) => splice);
  const parts: string[] = [];
  const placed: number[] = [];
  let last = 0;
  let length = 0;
  for (const splice of sorted) {
    if (splice.start < last || splice.end < splice.start) {
      throw new Error(`Overlapping edits at ${splice.start}`);
    }
    const kept = code.slice(last, splice.start);
    parts.push(kept, splice.text);
    length += kept.length;
    placed.push(length);
    length += splice.text.length;
    last = splice.end;
  }
  parts.push(code.slice(last));
  const result = parts.join('');

  const mapOffset = (offset: number): number | null => {
    for (let index = 0; index < sorted.length; index++) {
      const copy = sorted[index]?.copyOf;
      if (copy && copy.range[0] <= offset && offset < copy.range[1]) {
        return (placed[index] ?? 0) + copy.map(offset);
      }
    }
    let shift = 0;
    for (const splice of sorted) {
      if (splice.start < offset && offset < splice.end) return null;
      // Text starting exactly where a deletion starts is gone; where a replacement starts, it is the replacement.
      if (splice.start === offset && splice.end > offset)
        return splice.text === '' ? null : offset + shift;
      if (splice.end <= offset) shift += splice.text.length - (splice.end - splice.start);
    }
    return offset + shift;
  };
  return { code: result, mapOffset };
}

/**
 * The one splice turning `before` into `after` (common start and end kept). A pure insertion or
 * deletion is slid back to a line start when it can be, so typing a new line before a statement
 * reads as a line added, not as the statement changed.
 */
export function diffSplice(before: string, after: string): Splice {
  const limit = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < limit - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  const start = prefix;
  const end = before.length - suffix;
  const text = after.slice(prefix, after.length - suffix);
  const changed =
    start === end ? text : end > start && text === '' ? before.slice(start, end) : null;
  if (changed === null || changed === '') return { start, end, text };
  // Slide left while the character before the change equals its last one.
  for (let shift = 0; shift <= start; shift++) {
    const at = start - shift;
    if (at === 0 || before.charCodeAt(at - 1) === 10) {
      const turn = shift % changed.length;
      const moved = changed.slice(changed.length - turn) + changed.slice(0, changed.length - turn);
      return start === end
        ? { start: at, end: at, text: moved }
        : { start: at, end: at + changed.length, text: '' };
    }
    const last = changed.charCodeAt(
      (((changed.length - 1 - shift) % changed.length) + changed.length) % changed.length,
    );
    if (before.charCodeAt(at - 1) !== last) break;
  }
  return { start, end, text };
}

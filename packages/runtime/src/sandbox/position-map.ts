/** A change to the stripped handler text: delete `remove` characters at `pos`, then insert `text`. */
export type Edit = { pos: number; remove: number; text: string };

/** 1-based line and column. */
export type Position = { line: number; column: number };

/** Offsets of the first character of every line. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

export function positionAt(starts: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
}

export function offsetAt(starts: readonly number[], pos: Position): number {
  return (starts[pos.line - 1] ?? starts[starts.length - 1] ?? 0) + pos.column - 1;
}

type Segment = { genStart: number; genEnd: number; pos: number; remove: number };

/**
 * Applies edits (sorted by position; edits at one position keep their order) and maps positions of
 * the result back to the original text: a position inside inserted text maps to where it was
 * inserted. Instrumentation never inserts newlines, but the map does not rely on it.
 */
export class EditedText {
  readonly text: string;
  private readonly segments: Segment[] = [];
  private readonly genStarts: number[];
  private readonly origStarts: number[];

  constructor(original: string, edits: readonly Edit[]) {
    const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.pos - b.e.pos || a.i - b.i);
    let out = '';
    let from = 0;
    for (const { e } of sorted) {
      out += original.slice(from, e.pos);
      const genStart = out.length;
      out += e.text;
      this.segments.push({ genStart, genEnd: out.length, pos: e.pos, remove: e.remove });
      from = Math.max(from, e.pos + e.remove);
    }
    out += original.slice(from);
    this.text = out;
    this.genStarts = lineStarts(out);
    this.origStarts = lineStarts(original);
  }

  /** Maps an offset in the edited text to an offset in the original text. */
  originalOffset(generated: number): number {
    let lo = -1;
    let hi = this.segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.segments[mid]?.genStart ?? 0) <= generated) lo = mid;
      else hi = mid - 1;
    }
    const seg = lo >= 0 ? this.segments[lo] : undefined;
    if (!seg) return generated;
    if (generated < seg.genEnd) return seg.pos;
    return seg.pos + seg.remove + (generated - seg.genEnd);
  }

  /** Maps a 1-based line/column of the edited text to the original text. */
  originalPosition(generated: Position): Position {
    return positionAt(this.origStarts, this.originalOffset(offsetAt(this.genStarts, generated)));
  }
}

import type { CodeStyle } from './types.js';

/** Line arithmetic over a piece of code. Lines end at `\n` (a preceding `\r` belongs to the line break). */
export class SourceText {
  readonly code: string;
  private readonly lineStarts: number[];

  constructor(code: string) {
    this.code = code;
    const starts = [0];
    let at = code.indexOf('\n');
    while (at !== -1) {
      starts.push(at + 1);
      at = code.indexOf('\n', at + 1);
    }
    this.lineStarts = starts;
  }

  /** 1-based line of an offset. */
  lineOf(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  /** Offset where the line holding `offset` starts. */
  lineStart(offset: number): number {
    return this.code.lastIndexOf('\n', offset - 1) + 1;
  }

  /** Offset of the line break ending the line that holds `offset` (or the end of the code). */
  lineEnd(offset: number): number {
    const newline = this.code.indexOf('\n', offset);
    if (newline === -1) return this.code.length;
    return newline > 0 && this.code[newline - 1] === '\r' ? newline - 1 : newline;
  }

  /** Offset just after the line break ending the line that holds `offset`. */
  nextLineStart(offset: number): number {
    const newline = this.code.indexOf('\n', offset);
    return newline === -1 ? this.code.length : newline + 1;
  }

  /** Leading spaces and tabs of the line holding `offset`. */
  indentAt(offset: number): string {
    const start = this.lineStart(offset);
    let end = start;
    while (end < this.code.length && (this.code[end] === ' ' || this.code[end] === '\t')) end++;
    return this.code.slice(start, end);
  }

  isBlank(from: number, to: number): boolean {
    return isBlank(this.code, from, to);
  }

  /** True when `offset` starts its line's content (only indentation before it). */
  startsLine(offset: number): boolean {
    return this.isBlank(this.lineStart(offset), offset);
  }

  /** True when nothing but spaces follows `offset` on its line. */
  endsLine(offset: number): boolean {
    return this.isBlank(offset, this.lineEnd(offset));
  }
}

/** True when `code[from, to)` holds only whitespace. */
export function isBlank(code: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const char = code.charCodeAt(i);
    // space, tab, \n, \r, vertical tab, form feed
    if (char !== 32 && char !== 9 && char !== 10 && char !== 13 && char !== 11 && char !== 12) {
      return false;
    }
  }
  return true;
}

/** The number of line breaks in `code[from, to)`. */
export function countNewlines(code: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) if (code.charCodeAt(i) === 10) count++;
  return count;
}

export function detectEol(code: string): CodeStyle['eol'] {
  return code.includes('\r\n') ? '\r\n' : '\n';
}

const LINE_TERMINATOR = /[\n\r\u2028\u2029]/g;
/** Whitespace and line terminators as JavaScript reads them (`\s` covers NBSP, U+2028, the BOM…). */
const JS_WHITESPACE = /^\s$/;

/** Offset of the next character from `from` that is neither whitespace nor inside a comment. */
export function skipTrivia(code: string, from: number): number {
  let at = from;
  while (at < code.length) {
    if (code.startsWith('//', at)) {
      LINE_TERMINATOR.lastIndex = at;
      at = LINE_TERMINATOR.exec(code)?.index ?? code.length;
    } else if (code.startsWith('/*', at)) {
      const end = code.indexOf('*/', at + 2);
      at = end === -1 ? code.length : end + 2;
    } else if (JS_WHITESPACE.test(code[at] ?? '')) {
      at++;
    } else {
      return at;
    }
  }
  return at;
}

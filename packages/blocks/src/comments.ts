import type * as t from '@babel/types';
import { countNewlines, type SourceText } from './source-text.js';
import type { CommentBlock, Range, SourceComment } from './types.js';

export type BabelComment = t.Comment;

export interface Span {
  start: number;
  end: number;
}

/** How the comments between the statements of one slot are shared out. */
export interface CommentLayout {
  /** Per statement index. */
  leading: SourceComment[][];
  trailing: SourceComment[][];
  /** Whole comment lines that belong to no statement, each with the index of the statement after it. */
  standalone: { before: number; comments: SourceComment[] }[];
}

/**
 * Shares out the comments of a slot. A comment on the line where a statement ends is that statement's
 * trailing comment (unless the next statement follows it on that line); comment lines directly above a statement (no blank line between) are its leading
 * comments and move with it; other whole comment lines become comment blocks. Anything else (a comment
 * after `{` on the brace's line) stays in the untouched text between blocks.
 */
export function layoutComments(
  text: SourceText,
  comments: BabelComment[],
  statements: Span[],
  slot: Range,
): CommentLayout {
  const layout: CommentLayout = {
    leading: statements.map(() => []),
    trailing: statements.map(() => []),
    standalone: [],
  };
  const gaps: BabelComment[][] = statements.map(() => []);
  gaps.push([]);
  let index = firstCommentFrom(comments, slot[0]);
  let statement = 0;
  for (; index < comments.length; index++) {
    const comment = comments[index];
    if (!comment || (comment.start ?? 0) >= slot[1]) break;
    const start = comment.start ?? 0;
    while (statement < statements.length && (statements[statement]?.end ?? 0) <= start) statement++;
    const current = statements[statement];
    if (current && current.start <= start) continue; // inside a statement
    gaps[statement]?.push(comment);
  }
  gaps.forEach((gap, next) => {
    if (gap.length > 0) shareGap(text, gap, statements, next, layout);
  });
  return layout;
}

function shareGap(
  text: SourceText,
  gap: BabelComment[],
  statements: Span[],
  next: number,
  layout: CommentLayout,
): void {
  const { code } = text;
  const previous = statements[next - 1];
  let first = 0;
  const following = statements[next];
  // Comments from `at` on that reach the next statement without a line break are its leading
  // comments (`a(); /* about b */ b();`), not the trailing comments of the one before.
  const leadsOnLine = (at: number) =>
    following !== undefined && !hasNewline(code, gap[at]?.start ?? 0, following.start);
  if (previous) {
    let end = previous.end;
    while (first < gap.length) {
      const comment = gap[first];
      if (
        !comment ||
        !text.isBlank(end, comment.start ?? 0) ||
        hasNewline(code, end, comment.start ?? 0) ||
        leadsOnLine(first)
      )
        break;
      layout.trailing[next - 1]?.push(sourceComment(text, comment));
      end = comment.end ?? 0;
      first++;
    }
  }
  let last = gap.length;
  if (following) {
    let start = following.start;
    while (last > first) {
      const comment = gap[last - 1];
      if (!comment) break;
      const newlines = countNewlines(code, comment.end ?? 0, start);
      if (newlines > 1) break;
      if (newlines === 1 && !text.startsLine(comment.start ?? 0)) {
        // A line of several comments (`/* a */ /* b */`) is a whole comment line too.
        let lineFirst = last - 1;
        for (let before = gap[lineFirst - 1]; lineFirst > first && before;) {
          const end = before.end ?? 0;
          const next = gap[lineFirst]?.start ?? 0;
          if (!text.isBlank(end, next) || hasNewline(code, end, next)) break;
          before = gap[--lineFirst - 1];
        }
        const head = gap[lineFirst];
        if (!head || !text.startsLine(head.start ?? 0)) break;
        start = head.start ?? 0;
        last = lineFirst;
        continue;
      }
      start = comment.start ?? 0;
      last--;
    }
    layout.leading[next] = gap.slice(last).map((comment) => sourceComment(text, comment));
  }
  let run: BabelComment[] = [];
  const closeRun = () => {
    const end = run[run.length - 1];
    if (end && text.endsLine(end.end ?? 0)) {
      layout.standalone.push({ before: next, comments: run.map((c) => sourceComment(text, c)) });
    }
    run = [];
  };
  for (const comment of gap.slice(first, last)) {
    const start = comment.start ?? 0;
    const previousInRun = run[run.length - 1];
    if (previousInRun && countNewlines(code, previousInRun.end ?? 0, start) > 1) closeRun();
    if (run.length === 0 && !text.startsLine(start)) continue;
    run.push(comment);
  }
  closeRun();
}

function hasNewline(code: string, from: number, to: number): boolean {
  const at = code.indexOf('\n', from);
  return at !== -1 && at < to;
}

function firstCommentFrom(comments: BabelComment[], offset: number): number {
  let low = 0;
  let high = comments.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((comments[mid]?.start ?? 0) < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

function sourceComment(text: SourceText, comment: BabelComment): SourceComment {
  const start = comment.start ?? 0;
  const end = comment.end ?? 0;
  return { text: text.code.slice(start, end), range: [start, end], line: text.lineOf(start) };
}

/** A comment block for a run of whole comment lines. */
export function commentBlock(text: SourceText, comments: SourceComment[]): CommentBlock {
  const first = comments[0];
  const last = comments[comments.length - 1];
  const range: Range = [first?.range[0] ?? 0, last?.range[1] ?? 0];
  return {
    id: '',
    kind: 'comment',
    range,
    fullRange: range,
    line: text.lineOf(range[0]),
    endLine: text.lineOf(range[1]),
    params: [],
    slots: [],
    leadingComments: [],
    trailingComments: [],
    text: comments.map((comment) => commentContent(comment.text)).join('\n'),
  };
}

/** The words of a comment, without its markers and the ` * ` line prefixes. */
export function commentContent(source: string): string {
  if (source.startsWith('//')) return source.slice(2).replace(/^ /, '');
  const lines = source
    .slice(2, -2)
    .split(/\r?\n/)
    .map((line, index) => (index === 0 ? line : line.replace(/^\s*\* ?/, '').replace(/^\s+/, '')));
  if (lines.length > 1 && lines[0]?.trim() === '') lines.shift();
  if (lines.length > 1 && lines[lines.length - 1]?.trim() === '') lines.pop();
  return lines
    .map((line, index) => (index === 0 ? line.replace(/^[*\s]?\s?/, '') : line))
    .join('\n')
    .trimEnd();
}

import { isCaseSlot, type Container } from './locate.js';
import type { SourceText } from './source-text.js';
import type { Splice } from './splices.js';
import type { CodeStyle, Range } from './types.js';

/** Text for a statement placed at indentation `indent`, optionally a copy of old code. */
export interface Placed {
  text: string;
  copyOf?: Splice['copyOf'];
  /** The text is a comment block: a blank line keeps it from sticking to the statement below. */
  comment?: boolean;
}

export interface SlotEditContext {
  text: SourceText;
  style: CodeStyle;
}

/** Conservative: any `//` (even inside a string) counts. */
export function mayEndInLineComment(text: string): boolean {
  return text.includes('//');
}

/** True for a branch or loop body written as one statement without braces. */
function isSingleStatement(container: Container): boolean {
  return !container.slot.braced && !isCaseSlot(container.slot);
}

function ownerIndent(context: SlotEditContext, container: Container): string {
  return context.text.indentAt(container.owner?.range[0] ?? container.slot.range[0]);
}

/** Start of the spaces before `offset` (back to the `)`, `else` or `do` of an unbraced body). */
export function spacesBefore(code: string, offset: number): number {
  let at = offset;
  while (at > 0 && /\s/.test(code[at - 1] ?? '')) at--;
  return at;
}

/** Start of the spaces and tabs before `offset` on its line. */
function spacesBeforeOnLine(code: string, offset: number): number {
  let at = offset;
  while (at > 0 && (code[at - 1] === ' ' || code[at - 1] === '\t')) at--;
  return at;
}

/**
 * Where the `}` closing a newly braced body goes: right after the statement, pulling a following
 * `else` or `while` (of `do … while`) up beside it.
 */
export function closingBrace(code: string, statementEnd: number, close: string): Splice {
  let at = statementEnd;
  while (at < code.length && /\s/.test(code[at] ?? '')) at++;
  if (/^(else|while)\b/.test(code.slice(at, at + 6))) {
    return { start: statementEnd, end: at, text: `${close} ` };
  }
  return { start: statementEnd, end: statementEnd, text: close };
}

function withPrefix(prefix: string, placed: Placed, suffix = ''): Placed {
  const copy = placed.copyOf;
  return {
    text: prefix + placed.text + suffix,
    ...(copy
      ? { copyOf: { range: copy.range, map: (offset) => prefix.length + copy.map(offset) } }
      : {}),
  };
}

/**
 * Splices that put a statement at `index` of a slot. `place(indent)` gives its text for the
 * indentation of the line it lands on. Neighbours keep their bytes; an unbraced body gains braces.
 */
export function insertionSplices(
  context: SlotEditContext,
  container: Container,
  index: number,
  place: (indent: string) => Placed,
): Splice[] {
  const { text, style } = context;
  const { code } = text;
  const { eol, indentUnit } = style;
  const { slot } = container;
  const blocks = slot.blocks;

  if (isSingleStatement(container)) {
    const statement = blocks[0];
    if (!statement) return [];
    const outer = ownerIndent(context, container);
    const inner = outer + indentUnit;
    const open = ` {${eol}${inner}`;
    const close = `${eol}${outer}}`;
    const start = spacesBefore(code, statement.range[0]);
    const placed = place(inner);
    const closing = closingBrace(code, statement.range[1], close);
    if (index === 0) {
      const gap = placed.comment ? eol + eol + inner : eol + inner;
      return [{ start, end: statement.range[0], ...withPrefix(open, placed, gap) }, closing];
    }
    return [
      { start, end: statement.range[0], text: open },
      { ...closing, ...withPrefix(eol + inner, placed, closing.text) },
    ];
  }

  const [slotStart, slotEnd] = slot.range;
  if (blocks.length === 0) {
    const contentEnd = slotStart + code.slice(slotStart, slotEnd).trimEnd().length;
    if (isCaseSlot(slot)) {
      const caseIndent = text.indentAt(slotStart - 1);
      const indent = caseIndent + indentUnit;
      if (text.lineOf(slotEnd) === text.lineOf(contentEnd)) {
        // `case 1: case 2:` or `case 1: }`: what follows goes to a line of its own, so a `//`
        // comment inserted here cannot swallow it.
        const owner = container.owner;
        const next =
          owner && slotEnd === owner.range[1] - 1 ? text.indentAt(owner.range[0]) : caseIndent;
        return [
          {
            start: contentEnd,
            end: slotEnd,
            ...withPrefix(eol + indent, place(indent), eol + next),
          },
        ];
      }
      return [{ start: contentEnd, end: contentEnd, ...withPrefix(eol + indent, place(indent)) }];
    }
    const closing = text.indentAt(slotEnd);
    const indent = closing + indentUnit;
    return [
      {
        start: contentEnd,
        end: slotEnd,
        ...withPrefix(eol + indent, place(indent), eol + closing),
      },
    ];
  }

  const target = blocks[Math.min(index, blocks.length - 1)];
  if (!target) return [];
  const indent = text.indentAt(target.fullRange[0]);
  const placed = place(indent);
  // Comment lines right above a statement are that statement's comments, so a blank line keeps a
  // comment block a block of its own. Text sharing a line with code after it must not end in a
  // `//` comment, which would swallow that code.
  // A moved statement's trailing `/* … */` comment would lead the statement after it on the line.
  const inline =
    mayEndInLineComment(placed.text) || placed.text.trimEnd().endsWith('*/') ? eol + indent : ' ';
  if (index < blocks.length) {
    const at = target.fullRange[0];
    if (text.startsLine(at)) {
      const suffix = placed.comment ? eol + eol + indent : eol + indent;
      return [{ start: at, end: at, ...withPrefix('', placed, suffix) }];
    }
    if (placed.comment) {
      // A comment block needs whole lines, and a blank line below it.
      const from = spacesBeforeOnLine(code, at);
      return [{ start: from, end: at, ...withPrefix(eol + indent, placed, eol + eol + indent) }];
    }
    return [{ start: at, end: at, ...withPrefix('', placed, inline) }];
  }
  const end = target.fullRange[1];
  if (text.endsLine(end)) {
    const at = text.lineEnd(end);
    const prefix = target.kind === 'comment' ? eol + eol + indent : eol + indent;
    return [{ start: at, end: at, ...withPrefix(prefix, placed) }];
  }
  if (placed.comment) {
    let to = end;
    while (code[to] === ' ' || code[to] === '\t') to++;
    return [{ start: end, end: to, ...withPrefix(eol + indent, placed, eol + indent) }];
  }
  // After a trailing comment, a statement on the same line would read as the comment's statement.
  const lead = target.trailingComments.length > 0 ? eol + indent : ' ';
  return [{ start: end, end, ...withPrefix(lead, placed, inline === ' ' ? '' : inline) }];
}

/**
 * The splice that takes the block at `index` out of its slot with its comments and line; a blank
 * line left doubled, or at the top or bottom of the list, goes too. An unbraced body becomes `{}`.
 */
export function removalSplice(
  context: SlotEditContext,
  container: Container,
  index: number,
): Splice {
  const { text } = context;
  const { code } = text;
  const block = container.slot.blocks[index];
  if (!block) throw new Error(`No block at ${index}`);
  if (isSingleStatement(container)) {
    return { start: block.range[0], end: block.range[1], text: '{}' };
  }
  const [start, end] = block.fullRange;
  if (text.startsLine(start) && text.endsLine(end)) {
    const [from, to] = wholeLines(
      text,
      container.slot.range,
      text.lineStart(start),
      text.nextLineStart(end),
    );
    return { start: from, end: to, text: '' };
  }
  if (!text.endsLine(end)) {
    let to = end;
    while (to < code.length && (code[to] === ' ' || code[to] === '\t')) to++;
    return { start, end: to, text: '' };
  }
  let from = start;
  while (from > 0 && (code[from - 1] === ' ' || code[from - 1] === '\t')) from--;
  return { start: from, end, text: '' };
}

/** Widens removed whole lines `[from, to)` so no blank line is left doubled or at an edge of the slot. */
function wholeLines(text: SourceText, slot: Range, from: number, to: number): Range {
  const [slotStart, slotEnd] = slot;
  const blankLineAt = (offset: number) =>
    offset < slotEnd &&
    text.nextLineStart(offset) <= slotEnd &&
    text.isBlank(offset, text.lineEnd(offset));
  const blankLineBefore = (offset: number) =>
    offset > 0 &&
    text.lineStart(offset - 1) >= slotStart &&
    blankLineAt(text.lineStart(offset - 1));
  const atStart = text.isBlank(slotStart, from);
  const atEnd = text.isBlank(to, slotEnd);
  let start = from;
  let end = to;
  if (atStart && atEnd) return [start, end];
  if (atStart) {
    while (blankLineAt(end)) end = text.nextLineStart(end);
  } else if (atEnd) {
    while (blankLineBefore(start)) start = text.lineStart(start - 1);
  } else if (blankLineBefore(start)) {
    while (blankLineAt(end)) end = text.nextLineStart(end);
  }
  return [start, end];
}

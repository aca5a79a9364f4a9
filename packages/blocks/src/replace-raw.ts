import { parse } from '@babel/parser';
import type * as t from '@babel/types';
import type { ReplaceRawEdit } from './edit-types.js';
import { BlockEditError } from './errors.js';
import { forEachBlock } from './ids.js';
import { isCaseSlot, locate } from './locate.js';
import { reindent } from './reindent.js';
import { removalSplice, type SlotEditContext } from './slot-text.js';
import type { Splice } from './splices.js';
import type { BlockDocument, Range } from './types.js';

/** A `replaceRaw` splice, and where the new statements must sit in the new code (relative to the splice). */
export interface ReplacePlan {
  splices: Splice[];
  /** `[start, end)` of the first statement's start and the last statement's end inside `splices[0].text`. */
  statements: Range | null;
}

/**
 * The splice for `replaceRaw`. The text must be whole statements; in an unbraced body (`if (a) x();`)
 * it gets braces unless it is one statement that cannot take a following `else`; a `//` comment at
 * its end is followed by a line break when code follows on the line.
 */
export function replacePlan(
  doc: BlockDocument,
  context: SlotEditContext,
  edit: ReplaceRawEdit,
): ReplacePlan {
  const { block, container, index } = locate(doc, edit.blockId);
  if (edit.text.trim() === '') {
    return { splices: [removalSplice(context, container, index)], statements: null };
  }
  const { text: source, style } = context;
  const { code } = source;
  const { eol, indentUnit } = style;
  const parsed = statementsOf(edit.text);
  const single = !container.slot.braced && !isCaseSlot(container.slot);
  let text = edit.text;
  const only = parsed.statements.length === 1 ? parsed.statements[0] : undefined;
  if (single && (!only || takesElse(only))) {
    const outer = source.indentAt(container.owner?.range[0] ?? block.range[0]);
    const inner = outer + indentUnit;
    const body = reindent(edit.text.trim(), '', inner).text;
    text = `{${eol}${inner}${body}${eol}${outer}}`;
  } else if (parsed.endsInLineComment && codeFollowsOnLine(code, block.range[1])) {
    text = `${edit.text.trimEnd()}${eol}${source.indentAt(block.range[0])}`;
    let end = block.range[1];
    while (code[end] === ' ' || code[end] === '\t') end++;
    return {
      splices: [{ start: block.range[0], end, text }],
      statements: statementSpan(text),
    };
  }
  return {
    splices: [{ start: block.range[0], end: block.range[1], text }],
    statements: statementSpan(text),
  };
}

/** Refuses the edit when the new statements ran into the code around them (`x = y` before `[a] = b`). */
export function checkReplacement(next: BlockDocument, at: number, statements: Range): void {
  let starts = false;
  let ends = false;
  forEachBlock(next.blocks, (block) => {
    if (block.range[0] === at + statements[0]) starts = true;
    if (block.range[1] === at + statements[1]) ends = true;
  });
  if (!starts || !ends) {
    throw new BlockEditError(
      'INVALID_TEXT',
      'That text would run into the code next to it; end it with `;`.',
    );
  }
}

/** True when code (not only comments and spaces) follows `offset` on its line. */
function codeFollowsOnLine(code: string, offset: number): boolean {
  let at = offset;
  while (at < code.length) {
    const char = code[at];
    if (char === '\n' || char === '\r' || code.startsWith('//', at)) return false;
    if (code.startsWith('/*', at)) {
      const end = code.indexOf('*/', at + 2);
      if (end === -1) return false;
      at = end + 2;
    } else if (char === ' ' || char === '\t') {
      at++;
    } else {
      return true;
    }
  }
  return false;
}

interface ParsedStatements {
  statements: t.Statement[];
  endsInLineComment: boolean;
}

/** The statements of `text` parsed on its own; refuses text that is not whole statements. */
export function statementsOf(text: string): ParsedStatements {
  let file: t.File;
  try {
    file = parse(text, {
      sourceType: 'module',
      plugins: ['typescript'],
      errorRecovery: true,
      attachComment: false,
      allowReturnOutsideFunction: true,
      allowAwaitOutsideFunction: true,
      allowNewTargetOutsideFunction: true,
      allowSuperOutsideMethod: true,
      allowUndeclaredExports: true,
    });
  } catch (error) {
    const reason = (error as Error).message.replace(/ \(\d+:\d+\)$/, '');
    throw new BlockEditError('INVALID_TEXT', `That text is not whole statements: ${reason}`);
  }
  const statements = [
    ...(file.program.directives as unknown as t.Statement[]),
    ...file.program.body,
  ].sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
  const last = file.comments?.at(-1);
  const endsInLineComment =
    last?.type === 'CommentLine' &&
    text.slice(last.end ?? 0).trim() === '' &&
    (last.start ?? 0) >= (statements.at(-1)?.end ?? 0);
  return { statements, endsInLineComment };
}

/** Where the statements of `text` start and end; for a braced body, those inside the braces. */
function statementSpan(text: string): Range | null {
  const { statements } = statementsOf(text);
  const [only] = statements;
  const inner =
    statements.length === 1 && only?.type === 'BlockStatement' && text.trimStart().startsWith('{')
      ? only.body
      : statements;
  const first = inner[0];
  const last = inner[inner.length - 1];
  if (!first || !last) return null;
  return [first.start ?? 0, last.end ?? 0];
}

/** True when a following `else` would attach to an `if` inside the statement (`if (b) x();`). */
function takesElse(node: t.Statement): boolean {
  switch (node.type) {
    case 'IfStatement':
      return node.alternate ? takesElse(node.alternate) : true;
    case 'ForStatement':
    case 'ForInStatement':
    case 'ForOfStatement':
    case 'WhileStatement':
    case 'LabeledStatement':
    case 'WithStatement':
      return takesElse(node.body);
    default:
      return false;
  }
}

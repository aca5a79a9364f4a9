import type {
  BlockEdit,
  DeleteBlockEdit,
  InsertBlockEdit,
  InsertPosition,
  MoveBlockEdit,
  ReplaceRawEdit,
  SetParamEdit,
  WrapInIfEdit,
} from './edit-types.js';
import { BlockEditError } from './errors.js';
import { generateBlock } from './generate.js';
import { carryIds, forEachBlock } from './ids.js';
import { containerOf, contains, locate, sameContainer, type Container } from './locate.js';
import { buildDocument } from './parse.js';
import { reindent } from './reindent.js';
import { checkReplacement, replacePlan, statementsOf } from './replace-raw.js';
import { expressionText, setParamSplices } from './set-param.js';
import {
  closingBrace,
  insertionSplices,
  mayEndInLineComment,
  removalSplice,
  spacesBefore,
  type SlotEditContext,
} from './slot-text.js';
import { SourceText } from './source-text.js';
import { applySplices, type Splice } from './splices.js';
import type { Block, BlockDocument } from './types.js';

export interface EditResult {
  code: string;
  /** The new code parsed, with the ids of blocks the edit did not replace carried over. */
  doc: BlockDocument;
  /** Ids of the blocks the edit created (new, or rewritten beyond recognition). */
  created: string[];
}

/**
 * Applies one change record: rewrites only the text of the statements it touches, then parses the
 * result. Throws a `BlockEditError` (and changes nothing) when the edit cannot be made or the
 * result would not parse.
 */
export function applyEdit(code: string, doc: BlockDocument, edit: BlockEdit): EditResult {
  if (doc.code !== code) {
    throw new BlockEditError(
      'STALE_DOCUMENT',
      'The document was parsed from other code; parse again.',
    );
  }
  if (doc.error || !doc.handler) {
    throw new BlockEditError('HAS_ERROR', 'The code has no block form until it parses.');
  }
  const context: SlotEditContext = { text: new SourceText(code), style: doc.style };
  const replacement = edit.type === 'replaceRaw' ? replacePlan(doc, context, edit) : null;
  const splices = replacement ? replacement.splices : planEdit(doc, context, edit);
  if (splices.length === 0) return { code, doc, created: [] };
  const { code: next, mapOffset } = applySplices(code, splices);
  const parsed = buildDocument(next);
  if (parsed.error) {
    throw new BlockEditError(
      'INVALID_TEXT',
      `That change would break the code: ${parsed.error.message} (line ${parsed.error.line}).`,
    );
  }
  const [replaced] = splices;
  if (replacement?.statements && replaced) {
    checkReplacement(parsed, mapOffset(replaced.start) ?? replaced.start, replacement.statements);
  }
  const result = carryIds(doc, parsed, splices, mapOffset);
  checkNeighbours(doc, result, edit);
  const created: string[] = [];
  forEachBlock(result.blocks, (block) => {
    if (Number(block.id.slice(1)) >= doc.nextId) created.push(block.id);
  });
  return { code: next, doc: result, created };
}

/**
 * Refuses an edit after which a block it did not replace is gone or reads differently: text without
 * a final `;` that runs into the statement after it (`x = y` before `[a, b] = [b, a];`), a statement
 * without `;` that new text continues (`x = 1` before `(a)();`), a comment swallowing code.
 */
function checkNeighbours(before: BlockDocument, after: BlockDocument, edit: BlockEdit): void {
  const replaced = new Set<string>();
  if (edit.type === 'setParam' || edit.type === 'deleteBlock' || edit.type === 'replaceRaw') {
    const { block } = locate(before, edit.blockId);
    forEachBlock([block], (inner) => replaced.add(inner.id));
  }
  const kept = new Map<string, string>();
  const words = (code: string, block: Block) => code.slice(...block.range).replace(/^[ \t]+/gm, '');
  forEachBlock(after.blocks, (block) => kept.set(block.id, words(after.code, block)));
  let lost = false;
  forEachBlock(before.blocks, (block) => {
    if (replaced.has(block.id)) return;
    const now = kept.get(block.id);
    // A statement (re-indented at most) that now reads on into new text ran into it.
    if (now === undefined || (block.slots.length === 0 && now !== words(before.code, block))) {
      lost = true;
    }
  });
  if (!lost) return;
  throw new BlockEditError(
    edit.type === 'moveBlock' ? 'INVALID_TARGET' : 'INVALID_TEXT',
    edit.type === 'moveBlock'
      ? 'There the block would run into the statement after it; end it with `;` first.'
      : 'That text would run into the statement next to it; end it with `;`.',
  );
}

function planEdit(doc: BlockDocument, context: SlotEditContext, edit: BlockEdit): Splice[] {
  switch (edit.type) {
    case 'setParam':
      return setParamSplices(doc, context, edit);
    case 'insertBlock':
      return insertSplices(doc, context, edit);
    case 'deleteBlock':
      return deleteSplices(doc, context, edit);
    case 'moveBlock':
      return moveSplices(doc, context, edit);
    case 'wrapInIf':
      return wrapSplices(doc, context, edit);
    case 'replaceRaw':
      return replacePlan(doc, context, edit).splices;
  }
}

function resolve(
  doc: BlockDocument,
  position: InsertPosition,
): { container: Container; index: number } {
  if ('before' in position) {
    const { container, index } = locate(doc, position.before);
    return { container, index };
  }
  if ('after' in position) {
    const { container, index } = locate(doc, position.after);
    return { container, index: index + 1 };
  }
  const container = containerOf(doc, position.inside, position.slot ?? 0);
  const size = container.slot.blocks.length;
  const index = Math.max(0, Math.min(position.index ?? size, size));
  return { container, index };
}

function insertSplices(
  doc: BlockDocument,
  context: SlotEditContext,
  edit: InsertBlockEdit,
): Splice[] {
  const { container, index } = resolve(doc, edit.at);
  const generate = {
    unit: doc.style.indentUnit,
    eol: doc.style.eol,
    app: doc.handler?.appName ?? 'app',
  };
  // The text must stand on its own: `a(); } if (x) { b();` would take the statements after it along.
  const { statements } = statementsOf(generateBlock(edit.spec, { ...generate, indent: '' }));
  if (edit.spec.kind !== 'raw' && edit.spec.kind !== 'comment' && statements.length !== 1) {
    throw new BlockEditError('INVALID_TEXT', 'That block’s text is not one statement.');
  }
  return insertionSplices(context, container, index, (indent) => ({
    text: generateBlock(edit.spec, { ...generate, indent }),
    comment: edit.spec.kind === 'comment',
  }));
}

function deleteSplices(
  doc: BlockDocument,
  context: SlotEditContext,
  edit: DeleteBlockEdit,
): Splice[] {
  const { container, index } = locate(doc, edit.blockId);
  return [removalSplice(context, container, index)];
}

function moveSplices(doc: BlockDocument, context: SlotEditContext, edit: MoveBlockEdit): Splice[] {
  const from = locate(doc, edit.blockId);
  const to = resolve(doc, edit.to);
  if (to.container.owner && contains(from.block, to.container.owner.id)) {
    throw new BlockEditError('INVALID_TARGET', 'A block cannot move inside itself.');
  }
  if (
    sameContainer(from.container, to.container) &&
    (to.index === from.index || to.index === from.index + 1)
  ) {
    return [];
  }
  const { text } = context;
  const [start, end] = from.block.fullRange;
  const moved = reindent(text.code.slice(start, end), text.indentAt(start), '');
  const removal = removalSplice(context, from.container, from.index);
  const insertion = insertionSplices(context, to.container, to.index, (indent) => {
    const placed = reindent(moved.text, '', indent);
    return {
      text: placed.text,
      copyOf: { range: [start, end], map: (offset) => placed.map(moved.map(offset - start)) },
      comment: from.block.kind === 'comment',
    };
  });
  for (const splice of insertion) {
    if (splice.start < removal.end && removal.start < splice.end) {
      throw new BlockEditError(
        'INVALID_TARGET',
        'The block cannot move there without rewriting the statement around it; add braces first.',
      );
    }
  }
  return [removal, ...insertion];
}

function wrapSplices(doc: BlockDocument, context: SlotEditContext, edit: WrapInIfEdit): Splice[] {
  const test = expressionText(edit.test);
  const located = edit.blockIds.map((id) => locate(doc, id));
  const [head] = located;
  if (!head) return [];
  if (located.some((item) => !sameContainer(item.container, head.container))) {
    throw new BlockEditError(
      'NOT_SIBLINGS',
      'Only blocks of the same list can be wrapped together.',
    );
  }
  const indexes = located.map((item) => item.index);
  const blocks = head.container.slot.blocks;
  const first = blocks[Math.min(...indexes)];
  const last = blocks[Math.max(...indexes)];
  if (!first || !last) return [];
  const { text, style } = context;
  const { eol, indentUnit } = style;
  const start = first.fullRange[0];
  const slot = head.container.slot;
  if (!slot.braced && slot.role !== 'case' && slot.role !== 'default') {
    // A lone unbraced body: brace it, so an `else` after it cannot change hands.
    const outer = text.indentAt(head.container.owner?.range[0] ?? start);
    const inner = outer + indentUnit;
    return [
      {
        start: spacesBefore(text.code, start),
        end: start,
        text: ` {${eol}${inner}if (${test}) {${eol}${inner}${indentUnit}`,
      },
      closingBrace(text.code, first.range[1], `${eol}${inner}}${eol}${outer}}`),
    ];
  }
  const lastEnd = last.fullRange[1];
  if (text.startsLine(start)) {
    // Whole lines: the wrapped text moves one level in; code after it on its last line stays there.
    const end = text.endsLine(lastEnd) ? text.lineEnd(lastEnd) : lastEnd;
    const indent = text.indentAt(start);
    const body = reindent(text.code.slice(start, end), indent, indent + indentUnit);
    const prefix = `if (${test}) {${eol}${indent}${indentUnit}`;
    return [
      {
        start,
        end,
        text: `${prefix}${body.text}${eol}${indent}}`,
        copyOf: { range: [start, end], map: (offset) => prefix.length + body.map(offset - start) },
      },
    ];
  }
  const prefix = `if (${test}) { `;
  const region = text.code.slice(start, lastEnd);
  const close = mayEndInLineComment(region) ? `${eol}${text.indentAt(start)}}` : ' }';
  return [
    {
      start,
      end: lastEnd,
      text: `${prefix}${region}${close}`,
      copyOf: { range: [start, lastEnd], map: (offset) => prefix.length + offset - start },
    },
  ];
}

/** `setParam` as a function: the new code. */
export function setParam(doc: BlockDocument, edit: Omit<SetParamEdit, 'type'>): string {
  return applyEdit(doc.code, doc, { type: 'setParam', ...edit }).code;
}

/** `insertBlock` as a function: the new code. */
export function insertBlock(doc: BlockDocument, edit: Omit<InsertBlockEdit, 'type'>): string {
  return applyEdit(doc.code, doc, { type: 'insertBlock', ...edit }).code;
}

/** `deleteBlock` as a function: the new code. */
export function deleteBlock(doc: BlockDocument, edit: Omit<DeleteBlockEdit, 'type'>): string {
  return applyEdit(doc.code, doc, { type: 'deleteBlock', ...edit }).code;
}

/** `moveBlock` as a function: the new code. */
export function moveBlock(doc: BlockDocument, edit: Omit<MoveBlockEdit, 'type'>): string {
  return applyEdit(doc.code, doc, { type: 'moveBlock', ...edit }).code;
}

/** `wrapInIf` as a function: the new code. */
export function wrapInIf(doc: BlockDocument, edit: Omit<WrapInIfEdit, 'type'>): string {
  return applyEdit(doc.code, doc, { type: 'wrapInIf', ...edit }).code;
}

/** `replaceRaw` as a function: the new code. */
export function replaceRaw(doc: BlockDocument, edit: Omit<ReplaceRawEdit, 'type'>): string {
  return applyEdit(doc.code, doc, { type: 'replaceRaw', ...edit }).code;
}

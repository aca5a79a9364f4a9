import {
  forEachBlock,
  ROOT_ID,
  type Block,
  type BlockDocument,
  type BlockSlot,
} from '@whenthen/blocks';

/** Where a block sits: its container (`ROOT_ID` for the handler body), slot and index, and depth. */
export type BlockPlace = {
  block: Block;
  parentId: string;
  slot: number;
  index: number;
  depth: number;
  /** The list the block is in. */
  siblings: Block[];
};

/** Every block of a document by id, with its place; in document order. */
export function indexBlocks(doc: BlockDocument): Map<string, BlockPlace> {
  const places = new Map<string, BlockPlace>();
  const visit = (blocks: Block[], parentId: string, slot: number, depth: number) => {
    blocks.forEach((block, index) => {
      places.set(block.id, { block, parentId, slot, index, depth, siblings: blocks });
      block.slots.forEach((child, slotIndex) =>
        visit(child.blocks, block.id, slotIndex, depth + 1),
      );
    });
  };
  visit(doc.blocks, ROOT_ID, 0, 0);
  return places;
}

/** Ids of every block in document order (containers before what they hold). */
export function flatIds(doc: BlockDocument): string[] {
  const ids: string[] = [];
  forEachBlock(doc.blocks, (block) => void ids.push(block.id));
  return ids;
}

/** Whether `id` is `ancestorId` or sits somewhere inside it. */
export function isInside(places: Map<string, BlockPlace>, id: string, ancestorId: string): boolean {
  let current: string | undefined = id;
  while (current && current !== ROOT_ID) {
    if (current === ancestorId) return true;
    current = places.get(current)?.parentId;
  }
  return false;
}

/**
 * The selection reduced to what an action on "the selected blocks" should touch: blocks whose
 * container is selected too are left out (they go with it), in document order.
 */
export function topmostSelected(doc: BlockDocument, selection: readonly string[]): string[] {
  const places = indexBlocks(doc);
  const chosen = new Set(selection.filter((id) => places.has(id)));
  return flatIds(doc).filter((id) => {
    if (!chosen.has(id)) return false;
    let parent = places.get(id)?.parentId;
    while (parent && parent !== ROOT_ID) {
      if (chosen.has(parent)) return false;
      parent = places.get(parent)?.parentId;
    }
    return true;
  });
}

/** Indentation of the line a block starts on. */
export function indentOf(code: string, offset: number): string {
  const lineStart = code.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(code.slice(lineStart, offset))?.[0] ?? '';
}

/** A block's text with its continuation lines moved from its own indentation to none (for editing). */
export function dedentBlockText(code: string, block: Pick<Block, 'range'>): string {
  const indent = indentOf(code, block.range[0]);
  const text = code.slice(block.range[0], block.range[1]);
  if (!indent) return text;
  return text
    .split('\n')
    .map((line, i) => (i > 0 && line.startsWith(indent) ? line.slice(indent.length) : line))
    .join('\n');
}

/** The reverse of `dedentBlockText`: continuation lines indented to where the block starts. */
export function indentBlockText(code: string, block: Pick<Block, 'range'>, text: string): string {
  const indent = indentOf(code, block.range[0]);
  const eol = code.includes('\r\n') ? '\r\n' : '\n';
  return text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line, i) => (i > 0 && line !== '' ? indent + line : line))
    .join(eol);
}

/** The innermost block whose statement contains `range` (a step of a run of this code). */
export function blockAtRange(doc: BlockDocument, range: readonly [number, number]): Block | null {
  let found: Block | null = null;
  forEachBlock(doc.blocks, (block) => {
    if (block.range[0] <= range[0] && range[1] <= block.range[1]) found = block;
  });
  return found;
}

/** The innermost block that covers a 1-based line (for steps recorded with a line only). */
export function blockAtLine(doc: BlockDocument, line: number): Block | null {
  let found: Block | null = null;
  forEachBlock(doc.blocks, (block) => {
    if (block.line <= line && line <= block.endLine) found = block;
  });
  return found;
}

export const slotOf = (block: Block, index: number): BlockSlot | undefined => block.slots[index];

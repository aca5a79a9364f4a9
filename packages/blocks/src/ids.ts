import { applySplices, type Splice } from './splices.js';
import type { Block, BlockDocument } from './types.js';

/** Visits blocks depth-first in document order. */
export function forEachBlock(blocks: Block[], visit: (block: Block) => void): void {
  for (const block of blocks) {
    visit(block);
    for (const slot of block.slots) forEachBlock(slot.blocks, visit);
  }
}

/** Numbers blocks `b<n>` in document order; returns the next free number. */
export function numberBlocks(blocks: Block[], first: number): number {
  let next = first;
  forEachBlock(blocks, (block) => {
    block.id = `b${next++}`;
  });
  return next;
}

/**
 * Gives the blocks of a freshly parsed `document` the ids they had in `previous`, following each
 * block's start through the splices that turned the old code into the new: a block keeps its id when
 * a block of the same kind starts where it now is. Other blocks get fresh ids.
 */
export function carryIds(
  previous: BlockDocument,
  document: BlockDocument,
  splices: Splice[],
  mapOffset = applySplices(previous.code, splices).mapOffset,
): BlockDocument {
  const oldIds = new Map<string, string>();
  forEachBlock(previous.blocks, (block) => {
    const start = mapOffset(block.range[0]);
    const key = `${start}:${block.kind}`;
    if (start !== null && !oldIds.has(key)) oldIds.set(key, block.id);
  });
  let nextId = Math.max(previous.nextId, 1);
  forEachBlock(document.blocks, (block) => {
    const key = `${block.range[0]}:${block.kind}`;
    const id = oldIds.get(key);
    if (id !== undefined) {
      block.id = id;
      oldIds.delete(key);
    } else {
      block.id = `b${nextId++}`;
    }
  });
  return { ...document, nextId };
}

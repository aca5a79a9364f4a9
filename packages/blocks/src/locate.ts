import { BlockEditError } from './errors.js';
import type { Block, BlockDocument, BlockSlot } from './types.js';
import { ROOT_ID } from './types.js';

/** A list of blocks and who holds it. */
export interface Container {
  /** The block holding the slot; null for the handler's body. */
  owner: Block | null;
  slotIndex: number;
  slot: BlockSlot;
}

export interface Located {
  block: Block;
  container: Container;
  index: number;
}

/** The handler's body as a slot. */
export function rootSlot(document: BlockDocument): BlockSlot {
  const handler = document.handler;
  if (!handler)
    throw new BlockEditError('HAS_ERROR', 'The code has no block form until it parses.');
  return {
    role: 'body',
    params: [],
    blocks: document.blocks,
    range: handler.bodyRange,
    braced: true,
    line: handler.line,
  };
}

/** Finds a block and the list it sits in. */
export function locate(document: BlockDocument, id: string): Located {
  const found = search({ owner: null, slotIndex: 0, slot: rootSlot(document) }, id);
  if (!found) throw new BlockEditError('UNKNOWN_BLOCK', `There is no block ${id}.`);
  return found;
}

function search(container: Container, id: string): Located | null {
  const { blocks } = container.slot;
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index];
    if (!block) continue;
    if (block.id === id) return { block, container, index };
    for (let slotIndex = 0; slotIndex < block.slots.length; slotIndex++) {
      const slot = block.slots[slotIndex];
      const found = slot && search({ owner: block, slotIndex, slot }, id);
      if (found) return found;
    }
  }
  return null;
}

/** Slot `slotIndex` of a block, or the handler's body for `ROOT_ID`. */
export function containerOf(document: BlockDocument, id: string, slotIndex = 0): Container {
  if (id === ROOT_ID) {
    if (slotIndex !== 0) throw new BlockEditError('UNKNOWN_SLOT', 'The handler body has one slot.');
    return { owner: null, slotIndex: 0, slot: rootSlot(document) };
  }
  const { block } = locate(document, id);
  const slot = block.slots[slotIndex];
  if (!slot) {
    throw new BlockEditError(
      'UNKNOWN_SLOT',
      block.slots.length === 0
        ? `A ${block.kind} block holds no other blocks.`
        : `Block ${id} has no slot ${slotIndex}.`,
    );
  }
  return { owner: block, slotIndex, slot };
}

/** True when `id` is `block` or lies anywhere inside it. */
export function contains(block: Block, id: string): boolean {
  if (block.id === id) return true;
  return block.slots.some((slot) => slot.blocks.some((child) => contains(child, id)));
}

export function sameContainer(a: Container, b: Container): boolean {
  return a.owner === b.owner && a.slotIndex === b.slotIndex;
}

/** True for `case` lists, which hold statements without braces but are lists, not single statements. */
export function isCaseSlot(slot: BlockSlot): boolean {
  return slot.role === 'case' || slot.role === 'default';
}

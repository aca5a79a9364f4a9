import type { Block, BlockDocument, Range } from './types.js';

/**
 * Prints a document back to code: the text of every block, and the untouched text between blocks,
 * in tree order. For a document from `parseBlocks` or `applyEdit` this is its code, byte for byte.
 */
export function printBlocks(document: BlockDocument): string {
  const { code, handler } = document;
  if (document.error || !handler) return code;
  const parts: string[] = [code.slice(0, handler.bodyRange[0])];
  printList(code, document.blocks, handler.bodyRange, parts);
  parts.push(code.slice(handler.bodyRange[1]));
  return parts.join('');
}

function printList(code: string, blocks: Block[], range: Range, parts: string[]): void {
  let at = range[0];
  for (const block of blocks) {
    parts.push(code.slice(at, block.fullRange[0]));
    printBlock(code, block, parts);
    at = block.fullRange[1];
  }
  parts.push(code.slice(at, range[1]));
}

function printBlock(code: string, block: Block, parts: string[]): void {
  let at = block.fullRange[0];
  for (const slot of block.slots) {
    parts.push(code.slice(at, slot.range[0]));
    printList(code, slot.blocks, slot.range, parts);
    at = slot.range[1];
  }
  parts.push(code.slice(at, block.fullRange[1]));
}

import { blockToSpec, type BlockDocument, type BlockSpec } from '@whenthen/blocks';
import { dedentBlockText, indexBlocks } from './doc-tree';

/** What copying blocks puts on the clipboard: their code as text, and their specs to paste as blocks. */
export type BlocksClipboard = { text: string; specs: BlockSpec[] };

export const BLOCKS_MIME = 'application/x-whenthen-blocks';

/** The clipboard content for blocks `ids` (already reduced to the topmost, in document order). */
export function copyBlocks(doc: BlockDocument, ids: readonly string[]): BlocksClipboard {
  const places = indexBlocks(doc);
  const eol = doc.style.eol;
  const texts: string[] = [];
  const specs: BlockSpec[] = [];
  for (const id of ids) {
    const place = places.get(id);
    if (!place) continue;
    texts.push(dedentBlockText(doc.code, place.block).replace(/\r?\n/g, eol));
    specs.push(blockToSpec(doc, id));
  }
  return { text: texts.join(eol), specs };
}

// The last blocks copied on this page: pasting the same text again gives the blocks back even when
// the browser keeps only plain text on the clipboard.
let lastCopied: BlocksClipboard | null = null;

export function rememberCopy(content: BlocksClipboard): void {
  lastCopied = content;
}

/** The specs to paste: blocks copied here, or any statements pasted as text (kept as code, parsed into blocks). */
export function specsToPaste(data: { blocks?: string | null; text?: string | null }): BlockSpec[] {
  if (data.blocks) {
    try {
      const parsed = JSON.parse(data.blocks) as BlockSpec[];
      if (Array.isArray(parsed)) return parsed;
    } catch {
      // not ours after all: fall back to the text
    }
  }
  const text = data.text ?? '';
  if (lastCopied && text === lastCopied.text) return lastCopied.specs;
  if (text.trim() === '') return [];
  return [{ kind: 'raw', text }];
}

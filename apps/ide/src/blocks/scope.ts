import {
  ROOT_ID,
  variablesInScope,
  type Block,
  type BlockDocument,
  type InsertPosition,
} from '@whenthen/blocks';
import { indexBlocks } from './doc-tree';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Names a statement declares for the statements after it. */
function declaredBy(block: Block): string[] {
  if (block.kind === 'setVariable') return block.declare ? block.names : [];
  if ('assignTo' in block && block.assignTo?.declare && IDENTIFIER.test(block.assignTo.target)) {
    return [block.assignTo.target];
  }
  return [];
}

/** Names a container binds in its slots (a loop's item, a catch's error). */
function boundBy(block: Block, slot: number): string[] {
  const item = block.params.find((p) => p.name === 'item');
  if ((block.kind === 'forEach' || block.kind === 'loop') && item && IDENTIFIER.test(item.text))
    return [item.text];
  const error = block.slots[slot]?.params.find((p) => p.name === 'error');
  return error && IDENTIFIER.test(error.text) ? [error.text] : [];
}

/**
 * Variables a new statement at `at` can use, for the pickers: what `variablesInScope` gives for the
 * neighbouring block, plus what that block itself declares when the new one goes after it. The
 * handler's `app` parameter is left out (it is not a value).
 */
export function variablesAt(doc: BlockDocument, at: InsertPosition): string[] {
  if (doc.error || !doc.handler) return [];
  const app = doc.handler.appName;
  const unique = (names: string[]) => [...new Set(names)].filter((name) => name !== app);
  if ('before' in at) return unique(variablesInScope(doc, at.before));
  if ('after' in at) {
    const block = indexBlocks(doc).get(at.after)?.block;
    return unique([...variablesInScope(doc, at.after), ...(block ? declaredBy(block) : [])]);
  }
  const slot = at.slot ?? 0;
  const list =
    at.inside === ROOT_ID
      ? doc.blocks
      : (indexBlocks(doc).get(at.inside)?.block.slots[slot]?.blocks ?? []);
  const index = Math.min(at.index ?? list.length, list.length);
  const previous = list[index - 1];
  if (previous) return variablesAt(doc, { after: previous.id });
  const next = list[index];
  if (next) return variablesAt(doc, { before: next.id });
  if (at.inside === ROOT_ID)
    return unique((doc.handler.params ?? []).flatMap((p) => (p.name ? [p.name] : [])));
  const owner = indexBlocks(doc).get(at.inside)?.block;
  return unique([...variablesInScope(doc, at.inside), ...(owner ? boundBy(owner, slot) : [])]);
}

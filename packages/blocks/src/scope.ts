import { locate } from './locate.js';
import type { Block, BlockDocument, BlockSlot } from './types.js';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Names a parameter of block `blockId` can use, for the variable picker: the handler's parameters,
 * then what the enclosing blocks bind (loop items, `catch` errors), then what earlier statements of
 * the enclosing lists declare. Nearest last; a name appears once.
 */
export function variablesInScope(doc: BlockDocument, blockId: string): string[] {
  locate(doc, blockId);
  const names: string[] = [];
  for (const param of doc.handler?.params ?? []) if (param.name) names.push(param.name);
  const visit = (blocks: Block[]): boolean => {
    for (const block of blocks) {
      if (block.id === blockId) return true;
      for (const slot of block.slots) {
        const mark = names.length;
        names.push(...slotBindings(block, slot));
        if (visit(slot.blocks)) return true;
        names.length = mark;
      }
      names.push(...declaredBy(block));
    }
    return false;
  };
  visit(doc.blocks);
  return [...new Set(names.reverse())].reverse();
}

/** Names a statement declares for the statements after it. */
function declaredBy(block: Block): string[] {
  if (block.kind === 'setVariable') return block.declare ? block.names : [];
  if ('assignTo' in block && block.assignTo?.declare && IDENTIFIER.test(block.assignTo.target)) {
    return [block.assignTo.target];
  }
  return [];
}

/** Names a container binds inside one of its slots. */
function slotBindings(block: Block, slot: BlockSlot): string[] {
  const named = (name: string, params = block.params) =>
    params
      .filter((param) => param.name === name && IDENTIFIER.test(param.text))
      .map((param) => param.text);
  if (block.kind === 'forEach' || (block.kind === 'loop' && block.loop === 'forIn'))
    return named('item');
  if (block.kind === 'loop' && block.loop === 'for') {
    const init = block.params.find((param) => param.name === 'init')?.text ?? '';
    return [...init.matchAll(/(?:^|,)\s*(?:let|const|var)?\s*([A-Za-z_$][\w$]*)\s*=/g)].flatMap(
      (match) => (match[1] ? [match[1]] : []),
    );
  }
  if (slot.role === 'catch') return named('error', slot.params);
  return [];
}

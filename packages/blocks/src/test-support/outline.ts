import type { Block, BlockDocument } from '../types.js';

/** One line per block, indented by depth: `b3 if L8-12 [then: 1, else: 0]`. For reading test failures. */
export function outline(doc: BlockDocument): string {
  if (doc.error)
    return `error ${doc.error.code} ${doc.error.line}:${doc.error.column} ${doc.error.message}`;
  const lines: string[] = [];
  const visit = (blocks: Block[], depth: number) => {
    for (const block of blocks) {
      const params = block.params.map((param) => `${param.name}=${param.text}`).join(' ');
      lines.push(
        `${'  '.repeat(depth)}${block.id} ${block.kind} L${block.line}-${block.endLine} ${params}`,
      );
      block.slots.forEach((slot) => {
        lines.push(`${'  '.repeat(depth + 1)}[${slot.role}${slot.braced ? '' : ' unbraced'}]`);
        visit(slot.blocks, depth + 2);
      });
    }
  };
  visit(doc.blocks, 0);
  return lines.join('\n');
}

import type { Block } from '../types.js';

/**
 * What a block says, without positions or formatting: kind, parameter texts, nested blocks and the
 * kind's own fields. Two blocks with the same shape generate the same statement.
 */
export function blockShape(block: Block): unknown {
  const {
    id,
    range,
    fullRange,
    line,
    endLine,
    leadingComments,
    trailingComments,
    params,
    slots,
    ...own
  } = block;
  void [id, range, fullRange, line, endLine, leadingComments, trailingComments];
  const extra: Record<string, unknown> = { ...own };
  if (block.kind === 'raw') {
    extra.text = block.text.replace(/^[ \t]+/gm, '');
    delete extra.reason;
  }
  return {
    ...extra,
    params: params.map((param) => [param.name, param.text]),
    slots: slots.map((slot) => ({
      role: slot.role,
      params: slot.params.map((param) => [param.name, param.text]),
      blocks: slot.blocks.map(blockShape),
    })),
  };
}

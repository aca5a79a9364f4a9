import type * as t from '@babel/types';
import type { ParamContext } from './params.js';
import type { BlockSlot, Param, Range, RawBlock, SlotRole } from './types.js';

/** What statement classification needs from the document builder to build nested slots. */
export interface SlotBuilder {
  context: ParamContext;
  /** The slot for a loop or branch body: a braced block or a single statement. */
  bodySlot(role: SlotRole, params: Param[], body: t.Statement, headerLine: number): BlockSlot;
  /** The slot for the statements of a `case`, from its colon to `end` (the next clause or the `}`). */
  caseSlot(role: SlotRole, params: Param[], clause: t.SwitchCase, end: number): BlockSlot;
}

export type Common = Omit<RawBlock, 'kind' | 'text' | 'reason'>;

export function common(node: t.Node, params: Param[] = [], slots: BlockSlot[] = []): Common {
  const range: Range = [node.start ?? 0, node.end ?? 0];
  return {
    id: '',
    range,
    fullRange: range,
    line: node.loc?.start.line ?? 1,
    endLine: node.loc?.end.line ?? 1,
    params,
    slots,
    leadingComments: [],
    trailingComments: [],
  };
}

export function rawBlock(builder: SlotBuilder, node: t.Node, reason: string): RawBlock {
  const base = common(node);
  return { ...base, kind: 'raw', text: builder.context.code.slice(...base.range), reason };
}

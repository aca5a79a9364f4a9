import type { Block, DataOp } from '@whenthen/blocks';

/**
 * What a new block is made from, as chosen in the insert bar or the statement picker; an existing
 * block maps back to one (`templateOf`) so both share the "Set parameters" form.
 */
export type BlockTemplate =
  | { kind: 'notify' }
  | { kind: 'serviceCall'; service: string; fn: string }
  | { kind: 'data'; model: string; op: DataOp }
  | { kind: 'publish'; sender?: string }
  /** `preset`: the values a new log line starts with (a variable's name and value). */
  | { kind: 'log'; preset?: string[] }
  | { kind: 'abort' }
  | { kind: 'comment' }
  | { kind: 'raw' }
  | { kind: 'if' }
  | { kind: 'forEach' }
  | { kind: 'while' }
  | { kind: 'setVariable'; declare: 'const' | 'let' | null; target?: string }
  | { kind: 'return' };

export type TemplateKind = BlockTemplate['kind'];

/**
 * The template an existing block would be made from; null for blocks whose form is generic (other
 * loops, switch, try) or that are edited as text (raw).
 */
export function templateOf(block: Block): BlockTemplate | null {
  switch (block.kind) {
    case 'notify':
    case 'log':
    case 'abort':
    case 'comment':
    case 'if':
    case 'forEach':
    case 'return':
      return { kind: block.kind };
    case 'serviceCall':
      return { kind: 'serviceCall', service: block.service, fn: block.fn };
    case 'data':
      return { kind: 'data', model: block.model, op: block.op };
    case 'publish':
      return { kind: 'publish' };
    case 'loop':
      return block.loop === 'while' ? { kind: 'while' } : null;
    case 'setVariable':
      return {
        kind: 'setVariable',
        declare: block.declare === 'var' ? 'let' : block.declare,
      };
    case 'switch':
    case 'try':
    case 'raw':
      return null;
  }
}

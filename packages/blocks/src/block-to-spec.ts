import type { ArgSpec, AssignSpec, BlockSpec } from './block-spec.js';
import { locate } from './locate.js';
import { expressionText } from './set-param.js';
import { SourceText } from './source-text.js';
import type { Assignment, Block, BlockDocument, BlockSlot, Param } from './types.js';

/**
 * A spec that generates the block again (its parameters as their source text): for copy and
 * paste, duplicate, or turning a block into another. Comments attached to it are not included.
 */
export function blockToSpec(doc: BlockDocument, id: string): BlockSpec {
  return specOf(new SourceText(doc.code), locate(doc, id).block);
}

function specOf(text: SourceText, block: Block): BlockSpec {
  const param = (name: string, params: Param[] = block.params) => {
    const found = params.find((item) => item.name === name);
    return found && standalone(found);
  };
  const required = (name: string, params?: Param[]) => param(name, params) ?? '';
  const children = (slot: BlockSlot | undefined) =>
    slot?.blocks.map((child) => specOf(text, child)) ?? [];
  const args = (skip: string[]): ArgSpec[] =>
    block.params.filter((item) => !skip.includes(item.name)).map(standalone);
  switch (block.kind) {
    case 'notify':
      return block.argsObject
        ? call(block, {
            kind: 'notify',
            params: fields(block.params.filter((p) => p.name !== 'assignTo')),
          })
        : call(block, { kind: 'notify', ...optional('args', param('args')) });
    case 'serviceCall':
      return call(block, {
        kind: 'serviceCall',
        service: block.service,
        fn: block.fn,
        args: args(['service', 'fn', 'assignTo']),
      });
    case 'data':
      return call(block, {
        kind: 'data',
        model: block.model,
        op: block.op,
        args: args(['model', 'op', 'assignTo']),
      });
    case 'publish':
      return call(block, {
        kind: 'publish',
        sender: required('sender'),
        ...optional('args', param('args')),
      });
    case 'log':
      return call(block, { kind: 'log', args: args(['assignTo']).map(String) });
    case 'if': {
      const otherwise = block.slots.find((slot) => slot.role === 'else');
      return {
        kind: 'if',
        test: required('test'),
        then: children(block.slots[0]),
        elseIfs: block.slots
          .filter((slot) => slot.role === 'elseIf')
          .map((slot) => ({ test: required('test', slot.params), body: children(slot) })),
        ...optional('else', otherwise && children(otherwise)),
      };
    }
    case 'forEach':
      return {
        kind: 'forEach',
        item: required('item'),
        items: required('items'),
        declare: block.declare,
        await: block.awaitEach,
        body: children(block.slots[0]),
      };
    case 'loop':
      return {
        kind: 'loop',
        loop: block.loop,
        ...optional('init', param('init')),
        ...optional('test', param('test')),
        ...optional('update', param('update')),
        ...optional('item', param('item')),
        ...optional('object', param('object')),
        declare: block.declare,
        body: children(block.slots[0]),
      };
    case 'setVariable':
      return {
        kind: 'setVariable',
        declare: block.declare,
        target: required('target'),
        operator: block.operator,
        ...optional('type', block.type ?? undefined),
        ...optional('value', param('value')),
      };
    case 'return':
      return { kind: 'return', ...optional('value', param('value')) };
    case 'abort':
      return { kind: 'abort', ...optional('message', param('message')) };
    case 'try': {
      const handler = block.slots.find((slot) => slot.role === 'catch');
      const finalizer = block.slots.find((slot) => slot.role === 'finally');
      return {
        kind: 'try',
        try: children(block.slots[0]),
        ...optional(
          'catch',
          handler && {
            ...optional('error', param('error', handler.params)),
            body: children(handler),
          },
        ),
        ...optional('finally', finalizer && children(finalizer)),
      };
    }
    case 'switch':
      return {
        kind: 'switch',
        value: required('value'),
        cases: block.slots.map((slot) => ({
          test: slot.role === 'default' ? null : required('test', slot.params),
          body: children(slot),
        })),
      };
    case 'comment':
      return { kind: 'comment', text: block.text };
    case 'raw':
      return { kind: 'raw', text: block.text, fromIndent: text.indentAt(block.range[0]) };
  }
}

function fields(params: Param[]): { [field: string]: string } {
  return Object.fromEntries(params.map((param) => [param.name, standalone(param)]));
}

/**
 * A parameter's text that stands on its own: its range leaves out the parentheses around it, which
 * a comma list (`const a = (1, 2)`) needs to stay one expression.
 */
function standalone(param: Param): string {
  if (param.form !== 'expression' || !param.text.includes(',')) return param.text;
  try {
    return expressionText(param.text);
  } catch {
    return param.text;
  }
}

/** `{ key: value }` when the value is there, `{}` otherwise. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function call<S extends BlockSpec & { await?: boolean; assignTo?: AssignSpec }>(
  block: Block & { awaited: boolean; assignTo: Assignment | null },
  spec: S,
): S {
  const assignTo = block.assignTo;
  return {
    ...spec,
    await: block.awaited,
    ...(assignTo
      ? {
          assignTo: {
            declare: assignTo.declare,
            target: assignTo.target,
            operator: assignTo.operator,
          },
        }
      : {}),
  };
}

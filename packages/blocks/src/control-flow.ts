import type * as t from '@babel/types';
import { common, rawBlock, type SlotBuilder } from './block-base.js';
import { expressionParam, nameParam, type ParamContext } from './params.js';
import type { Block, DeclarationKind, Param } from './types.js';

export function ifBlock(builder: SlotBuilder, node: t.IfStatement): Block {
  const { context } = builder;
  const line = node.loc?.start.line ?? 1;
  const slots = [builder.bodySlot('then', [], node.consequent, line)];
  let alternate = node.alternate;
  while (alternate) {
    const altLine = alternate.loc?.start.line ?? line;
    if (alternate.type === 'IfStatement') {
      slots.push(
        builder.bodySlot(
          'elseIf',
          [expressionParam(context, 'test', alternate.test)],
          alternate.consequent,
          altLine,
        ),
      );
      alternate = alternate.alternate;
    } else {
      slots.push(builder.bodySlot('else', [], alternate, altLine));
      alternate = null;
    }
  }
  return { ...common(node, [expressionParam(context, 'test', node.test)], slots), kind: 'if' };
}

function loopTarget(
  context: ParamContext,
  left: t.Node,
): { declare: DeclarationKind | null; item: Param } | null {
  if (left.type !== 'VariableDeclaration') {
    return { declare: null, item: expressionParam(context, 'item', left) };
  }
  const [declarator, ...others] = left.declarations;
  if (!declarator || others.length > 0 || left.kind === 'using' || left.kind === 'await using') {
    return null;
  }
  const item =
    declarator.id.type === 'Identifier'
      ? nameParam(context, 'item', declarator.id)
      : expressionParam(context, 'item', declarator.id);
  return { declare: left.kind, item };
}

export function forEachBlock(builder: SlotBuilder, node: t.ForOfStatement): Block {
  const target = loopTarget(builder.context, node.left);
  if (!target) return rawBlock(builder, node, 'This loop variable has no block form.');
  const line = node.loc?.start.line ?? 1;
  return {
    ...common(
      node,
      [target.item, expressionParam(builder.context, 'items', node.right)],
      [builder.bodySlot('body', [], node.body, line)],
    ),
    kind: 'forEach',
    declare: target.declare,
    awaitEach: node.await,
  };
}

export function loopBlock(
  builder: SlotBuilder,
  node: t.ForStatement | t.ForInStatement | t.WhileStatement | t.DoWhileStatement,
): Block {
  const { context } = builder;
  const line = node.loc?.start.line ?? 1;
  const body = [builder.bodySlot('body', [], node.body, line)];
  const param = (name: string, child: t.Node | null | undefined) =>
    child ? [expressionParam(context, name, child)] : [];
  switch (node.type) {
    case 'ForStatement': {
      const declare =
        node.init?.type === 'VariableDeclaration' &&
        (node.init.kind === 'const' || node.init.kind === 'let' || node.init.kind === 'var')
          ? node.init.kind
          : null;
      const params = [
        ...param('init', node.init),
        ...param('test', node.test),
        ...param('update', node.update),
      ];
      return { ...common(node, params, body), kind: 'loop', loop: 'for', declare };
    }
    case 'ForInStatement': {
      const target = loopTarget(context, node.left);
      if (!target) return rawBlock(builder, node, 'This loop variable has no block form.');
      const params = [target.item, expressionParam(context, 'object', node.right)];
      return {
        ...common(node, params, body),
        kind: 'loop',
        loop: 'forIn',
        declare: target.declare,
      };
    }
    case 'WhileStatement':
      return {
        ...common(node, param('test', node.test), body),
        kind: 'loop',
        loop: 'while',
        declare: null,
      };
    case 'DoWhileStatement':
      return {
        ...common(node, param('test', node.test), body),
        kind: 'loop',
        loop: 'doWhile',
        declare: null,
      };
  }
}

export function tryBlock(builder: SlotBuilder, node: t.TryStatement): Block {
  const { context } = builder;
  const slots = [builder.bodySlot('try', [], node.block, node.loc?.start.line ?? 1)];
  if (node.handler) {
    const binding = node.handler.param;
    const params = binding
      ? [
          binding.type === 'Identifier'
            ? nameParam(context, 'error', binding)
            : expressionParam(context, 'error', binding),
        ]
      : [];
    slots.push(
      builder.bodySlot('catch', params, node.handler.body, node.handler.loc?.start.line ?? 1),
    );
  }
  if (node.finalizer) {
    slots.push(
      builder.bodySlot('finally', [], node.finalizer, node.finalizer.loc?.start.line ?? 1),
    );
  }
  return { ...common(node, [], slots), kind: 'try' };
}

export function switchBlock(builder: SlotBuilder, node: t.SwitchStatement): Block {
  const { context } = builder;
  const slots = node.cases.map((clause, index) => {
    const end = node.cases[index + 1]?.start ?? (node.end ?? 0) - 1;
    return clause.test
      ? builder.caseSlot('case', [expressionParam(context, 'test', clause.test)], clause, end)
      : builder.caseSlot('default', [], clause, end);
  });
  return {
    ...common(node, [expressionParam(context, 'value', node.discriminant)], slots),
    kind: 'switch',
  };
}

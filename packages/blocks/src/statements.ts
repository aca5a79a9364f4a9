import type * as t from '@babel/types';
import { describeAppCall } from './app-calls.js';
import { common, rawBlock, type SlotBuilder } from './block-base.js';
import { forEachBlock, ifBlock, loopBlock, switchBlock, tryBlock } from './control-flow.js';
import { expressionParam, nameParam } from './params.js';
import type { Assignment, Block, DeclarationKind, Param } from './types.js';

/** Turns one statement into a block (raw when it has no block form). */
export function classifyStatement(builder: SlotBuilder, node: t.Statement): Block {
  switch (node.type) {
    case 'ExpressionStatement':
      return expressionStatement(builder, node);
    case 'VariableDeclaration':
      return declaration(builder, node);
    case 'IfStatement':
      return ifBlock(builder, node);
    case 'ForOfStatement':
      return forEachBlock(builder, node);
    case 'ForStatement':
    case 'ForInStatement':
    case 'WhileStatement':
    case 'DoWhileStatement':
      return loopBlock(builder, node);
    case 'ReturnStatement':
      return {
        ...common(
          node,
          node.argument ? [expressionParam(builder.context, 'value', node.argument)] : [],
        ),
        kind: 'return',
      };
    case 'ThrowStatement':
      return throwBlock(builder, node);
    case 'TryStatement':
      return tryBlock(builder, node);
    case 'SwitchStatement':
      return switchBlock(builder, node);
    default:
      return rawBlock(builder, node, rawReason(node));
  }
}

function rawReason(node: t.Node): string {
  switch (node.type) {
    case 'FunctionDeclaration':
      return 'A function declaration has no block form.';
    case 'ClassDeclaration':
      return 'A class declaration has no block form.';
    case 'BreakStatement':
      return '`break` has no block form.';
    case 'ContinueStatement':
      return '`continue` has no block form.';
    case 'LabeledStatement':
      return 'A labeled statement has no block form.';
    case 'BlockStatement':
      return 'A bare `{ … }` block has no block form.';
    case 'EmptyStatement':
      return 'An empty statement (`;`) has no block form.';
    case 'Directive':
      return 'A directive has no block form.';
    default:
      if (node.type.startsWith('TS')) return 'A type declaration has no block form.';
      return `This statement (${node.type}) has no block form.`;
  }
}

const NOT_APP_CALL =
  'Only calls of `app` (models, services, notify, event.publish, log) have a block form.';

function expressionStatement(builder: SlotBuilder, node: t.ExpressionStatement): Block {
  const { expression } = node;
  if (expression.type === 'AssignmentExpression') {
    const target = expressionParam(builder.context, 'target', expression.left);
    const call = callBlock(
      builder,
      node,
      expression.right,
      {
        declare: null,
        operator: expression.operator,
        target: target.text,
      },
      { ...target, name: 'assignTo' },
    );
    if (call) return call;
    return {
      ...common(node, [target, expressionParam(builder.context, 'value', expression.right)]),
      kind: 'setVariable',
      declare: null,
      operator: expression.operator,
      names: [],
      type: null,
    };
  }
  if (expression.type === 'UpdateExpression') {
    return {
      ...common(node, [expressionParam(builder.context, 'target', expression.argument)]),
      kind: 'setVariable',
      declare: null,
      operator: expression.operator,
      names: [],
      type: null,
    };
  }
  return (
    callBlock(builder, node, expression, null, null) ??
    rawBlock(
      builder,
      node,
      unwrapAwait(expression).type === 'CallExpression'
        ? NOT_APP_CALL
        : 'This expression has no block form.',
    )
  );
}

function unwrapAwait(node: t.Node): t.Node {
  return node.type === 'AwaitExpression' ? node.argument : node;
}

/** A block for `[target =] [await] app.…(…)`, a raw block for a near miss, or null. */
function callBlock(
  builder: SlotBuilder,
  statement: t.Statement,
  value: t.Node,
  assignTo: Assignment | null,
  assignParam: Param | null,
): Block | null {
  const awaited = value.type === 'AwaitExpression';
  const call = describeAppCall(builder.context, unwrapAwait(value));
  if (!call) return null;
  if ('reason' in call) return rawBlock(builder, statement, call.reason);
  const params = assignParam ? [...call.params, assignParam] : call.params;
  const base = { ...common(statement, params), awaited, assignTo };
  switch (call.kind) {
    case 'serviceCall':
      return { ...base, kind: call.kind, service: call.service, fn: call.fn };
    case 'data':
      return { ...base, kind: call.kind, model: call.model, op: call.op };
    case 'notify':
      return { ...base, kind: call.kind, argsObject: call.argsObject };
    default:
      return { ...base, kind: call.kind };
  }
}

function declaration(builder: SlotBuilder, node: t.VariableDeclaration): Block {
  const [declarator, ...others] = node.declarations;
  if (!declarator || others.length > 0) {
    return rawBlock(
      builder,
      node,
      'Declares several variables in one statement; split it to get one block per variable.',
    );
  }
  if (node.declare) return rawBlock(builder, node, 'A `declare` statement has no block form.');
  if (node.kind !== 'const' && node.kind !== 'let' && node.kind !== 'var') {
    return rawBlock(builder, node, `A \`${node.kind}\` declaration has no block form.`);
  }
  const declare: DeclarationKind = node.kind;
  const { id, init } = declarator;
  const target =
    id.type === 'Identifier'
      ? nameParam(builder.context, 'target', id)
      : expressionParam(builder.context, 'target', id);
  if (init) {
    const call = callBlock(
      builder,
      node,
      init,
      { declare, operator: '=', target: target.text },
      { ...target, name: 'assignTo' },
    );
    if (call) return call;
  }
  const annotation = 'typeAnnotation' in id ? id.typeAnnotation : null;
  const typeNode =
    annotation && annotation.type === 'TSTypeAnnotation' ? annotation.typeAnnotation : null;
  return {
    ...common(node, init ? [target, expressionParam(builder.context, 'value', init)] : [target]),
    kind: 'setVariable',
    declare,
    operator: '=',
    names: boundNames(id),
    type: typeNode ? builder.context.code.slice(typeNode.start ?? 0, typeNode.end ?? 0) : null,
  };
}

/** Names a declaration pattern binds: `{ a, b: [c] }` → `['a', 'c']`. */
function boundNames(pattern: t.Node): string[] {
  switch (pattern.type) {
    case 'Identifier':
      return [pattern.name];
    case 'ObjectPattern':
      return pattern.properties.flatMap((property) =>
        property.type === 'RestElement' ? boundNames(property) : boundNames(property.value),
      );
    case 'ArrayPattern':
      return pattern.elements.flatMap((element) => (element ? boundNames(element) : []));
    case 'AssignmentPattern':
      return boundNames(pattern.left);
    case 'RestElement':
      return boundNames(pattern.argument);
    default:
      return [];
  }
}

function throwBlock(builder: SlotBuilder, node: t.ThrowStatement): Block {
  const { argument } = node;
  if (
    argument.type === 'NewExpression' &&
    argument.callee.type === 'Identifier' &&
    argument.callee.name === 'Error' &&
    argument.arguments.length <= 1 &&
    argument.arguments[0]?.type !== 'SpreadElement'
  ) {
    const message = argument.arguments[0];
    return {
      ...common(node, message ? [expressionParam(builder.context, 'message', message)] : []),
      kind: 'abort',
    };
  }
  return rawBlock(builder, node, 'Only `throw new Error(message)` has a block form (abort).');
}

export type { SlotBuilder } from './block-base.js';

import { parse, parseExpression } from '@babel/parser';
import type * as t from '@babel/types';
import {
  argName,
  DATA_OP_ARGS,
  isDataOp,
  LOG_ARGS,
  PUBLISH_ARGS,
  SERVICE_ARGS,
} from './app-calls.js';
import type { SetParamEdit } from './edit-types.js';
import { BlockEditError } from './errors.js';
import { generateBlock, propertyName } from './generate.js';
import { locate } from './locate.js';
import { childNodes } from './reindent.js';
import type { SlotEditContext } from './slot-text.js';
import { skipTrivia } from './source-text.js';
import type { Splice } from './splices.js';
import type { Block, BlockDocument, Param, Range } from './types.js';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The splices for a `setParam` edit. */
export function setParamSplices(
  document: BlockDocument,
  context: SlotEditContext,
  edit: SetParamEdit,
): Splice[] {
  const { block } = locate(document, edit.blockId);
  if (block.kind === 'comment') return commentSplices(context, block, edit);
  const params = edit.slot === undefined ? block.params : block.slots[edit.slot]?.params;
  if (!params)
    throw new BlockEditError('UNKNOWN_SLOT', `Block ${block.id} has no slot ${edit.slot}.`);
  const path = edit.param.split('.');
  const found = findParam(params, path);
  const statement = new StatementSyntax(context.text.code, block.range);
  if (found) {
    if (edit.text === null) return removal(context, block, found, statement);
    const text = paramText(block, found, edit.text);
    const owner = statement.ancestors(found.range).at(-2);
    if (owner?.type === 'ObjectProperty' && owner.shorthand) {
      return [{ ...statement.range(owner), text: `${propertyName(found.name)}: ${text}` }];
    }
    return [{ start: found.range[0], end: found.range[1], text }];
  }
  if (edit.text === null) {
    throw new BlockEditError('UNKNOWN_PARAM', `Block ${block.id} has no parameter ${edit.param}.`);
  }
  if (edit.slot !== undefined) {
    throw new BlockEditError('UNKNOWN_PARAM', `That slot has no parameter ${edit.param}.`);
  }
  return addition(context, block, params, path, expressionText(edit.text), statement);
}

function findParam(params: Param[], path: string[]): Param | null {
  let list: Param[] | undefined = params;
  let found: Param | null = null;
  for (const name of path) {
    found = list?.find((param) => param.name === name) ?? null;
    if (!found) return null;
    list = found.fields;
  }
  return found;
}

/** Checks new text for a parameter; returns the text to write. */
function paramText(block: Block, param: Param, raw: string): string {
  const text = raw.trim();
  if (param.form !== 'name') return expressionText(text);
  if (!IDENTIFIER.test(text)) {
    throw new BlockEditError('INVALID_TEXT', `“${text}” is not a name (letters, digits, _ and $).`);
  }
  if (block.kind === 'data' && param.name === 'op' && !isDataOp(text)) {
    throw new BlockEditError('INVALID_TEXT', `“${text}” is not a data operation.`);
  }
  return text;
}

/** Checks that text is one expression; a comma list gets parentheses so it stays one. */
export function expressionText(raw: string): string {
  const text = raw.trim();
  let node: t.Expression;
  try {
    node = parseExpression(text, { plugins: ['typescript'], allowAwaitOutsideFunction: true });
  } catch (error) {
    const reason = (error as Error).message.replace(/ \(\d+:\d+\)$/, '');
    throw new BlockEditError('INVALID_TEXT', `“${text}” is not an expression: ${reason}`);
  }
  const parenthesized = (node.extra as { parenthesized?: boolean } | undefined)?.parenthesized;
  return node.type === 'SequenceExpression' && !parenthesized ? `(${text})` : text;
}

function commentSplices(context: SlotEditContext, block: Block, edit: SetParamEdit): Splice[] {
  if (edit.param !== 'text' || edit.text === null) {
    throw new BlockEditError('UNKNOWN_PARAM', 'A comment has only its text.');
  }
  const indent = context.text.indentAt(block.range[0]);
  const text = generateBlock(
    { kind: 'comment', text: edit.text },
    { indent, unit: context.style.indentUnit, eol: context.style.eol, app: 'app' },
  );
  return [{ start: block.range[0], end: block.range[1], text }];
}

/** Names of the call arguments of a block, by position. */
function argNames(block: Block): readonly string[] | null {
  switch (block.kind) {
    case 'notify':
      return SERVICE_ARGS;
    case 'serviceCall':
      return SERVICE_ARGS;
    case 'data':
      return DATA_OP_ARGS[block.op];
    case 'publish':
      return PUBLISH_ARGS;
    case 'log':
      return LOG_ARGS;
    default:
      return null;
  }
}

function addition(
  context: SlotEditContext,
  block: Block,
  params: Param[],
  path: string[],
  text: string,
  statement: StatementSyntax,
): Splice[] {
  const name = path[path.length - 1] ?? '';
  const missing = () =>
    new BlockEditError('UNKNOWN_PARAM', `Block ${block.id} has no parameter ${path.join('.')}.`);
  if (path.length > 1) {
    const parent = findParam(params, path.slice(0, -1));
    if (parent?.form !== 'object') throw missing();
    const object = statement.nodeAt(parent.range);
    if (object?.type !== 'ObjectExpression') throw missing();
    return [addProperty(context, statement, object, name, text)];
  }
  const call = statement.call();
  const names = argNames(block);
  if (call && names) {
    if (block.kind === 'notify' && (block.argsObject || call.arguments.length === 0)) {
      const [object] = call.arguments;
      if (object?.type === 'ObjectExpression') {
        return [addProperty(context, statement, object, name, text)];
      }
      if (!object) {
        const at = statement.range(call).end - 1;
        return [{ start: at, end: at, text: `{ ${propertyName(name)}: ${text} }` }];
      }
    }
    const position = argumentIndex(names, name);
    if (position < call.arguments.length || position < 0) throw missing();
    const filler = Array.from({ length: position - call.arguments.length }, () => 'undefined');
    const added = [...filler, text].join(', ');
    const last = call.arguments[call.arguments.length - 1];
    if (!last) {
      const at = statement.range(call).end - 1;
      return [{ start: at, end: at, text: added }];
    }
    const at = statement.range(last).end;
    return [{ start: at, end: at, text: `, ${added}` }];
  }
  const node = statement.root;
  if (block.kind === 'return' && name === 'value') {
    const at = block.range[0] + 'return'.length;
    return [{ start: at, end: at, text: ` ${text}` }];
  }
  if (block.kind === 'abort' && name === 'message' && node.type === 'ThrowStatement') {
    return [{ ...statement.range(node.argument), text: `new Error(${text})` }];
  }
  if (block.kind === 'setVariable' && name === 'value' && node.type === 'VariableDeclaration') {
    const declarator = node.declarations[0];
    if (declarator && !declarator.init) {
      const at = statement.range(declarator.id).end;
      return [{ start: at, end: at, text: ` = ${text}` }];
    }
  }
  throw missing();
}

function argumentIndex(names: readonly string[], name: string): number {
  const known = names.indexOf(name);
  if (known !== -1) return known;
  const numbered = /^arg(\d+)$/.exec(name);
  const index = numbered ? Number(numbered[1]) - 1 : -1;
  return index >= names.length && argName(names, index) === name ? index : -1;
}

function addProperty(
  context: SlotEditContext,
  statement: StatementSyntax,
  object: t.ObjectExpression,
  key: string,
  value: string,
): Splice {
  const { text, style } = context;
  const { start, end } = statement.range(object);
  const property = `${propertyName(key)}: ${value}`;
  const last = object.properties[object.properties.length - 1];
  if (!last) return { start: start + 1, end: end - 1, text: ` ${property} ` };
  const lastEnd = statement.range(last).end;
  if (text.lineOf(start) === text.lineOf(end)) {
    return { start: lastEnd, end: lastEnd, text: `, ${property}` };
  }
  const lastStart = statement.range(last).start;
  const indent = text.startsLine(lastStart)
    ? text.indentAt(lastStart)
    : text.indentAt(start) + style.indentUnit;
  const comma = skipTrivia(text.code, lastEnd);
  if (text.code[comma] === ',') {
    return { start: comma + 1, end: comma + 1, text: `${style.eol}${indent}${property},` };
  }
  return { start: lastEnd, end: lastEnd, text: `,${style.eol}${indent}${property}` };
}

function removal(
  context: SlotEditContext,
  block: Block,
  param: Param,
  statement: StatementSyntax,
): Splice[] {
  const refuse = () =>
    new BlockEditError(
      'REQUIRED_PARAM',
      `The parameter ${param.name} of this block cannot be left out.`,
    );
  const chain = statement.ancestors(param.range);
  const node = chain.at(-1);
  const parent = chain.at(-2);
  const grandparent = chain.at(-3);
  if (parent?.type === 'ObjectProperty' && grandparent?.type === 'ObjectExpression') {
    return [listRemoval(statement, grandparent, grandparent.properties, parent)];
  }
  if (
    parent?.type === 'CallExpression' &&
    node &&
    parent.arguments.includes(node as t.Expression)
  ) {
    if (parent.arguments[parent.arguments.length - 1] !== node) throw refuse();
    return [listRemoval(statement, parent, parent.arguments, node)];
  }
  const root = statement.root;
  const whole = { start: block.range[0], end: block.range[1] };
  if (block.kind === 'return' && param.name === 'value') return [{ ...whole, text: 'return;' }];
  if (block.kind === 'abort' && param.name === 'message') {
    return [{ ...whole, text: 'throw new Error();' }];
  }
  if (
    block.kind === 'setVariable' &&
    param.name === 'value' &&
    root.type === 'VariableDeclaration'
  ) {
    const declarator = root.declarations[0];
    if (root.kind !== 'const' && declarator) {
      const target = statement.range(declarator.id);
      return [
        { ...whole, text: `${root.kind} ${context.text.code.slice(target.start, target.end)};` },
      ];
    }
  }
  throw refuse();
}

/** Removes an item of a comma list (object properties, call arguments) with its comma. */
function listRemoval(
  statement: StatementSyntax,
  owner: t.Node,
  items: t.Node[],
  item: t.Node,
): Splice {
  const index = items.indexOf(item);
  const current = statement.range(item);
  const next = items[index + 1];
  const previous = items[index - 1];
  if (next) return { start: current.start, end: statement.range(next).start, text: '' };
  if (previous) return { start: statement.range(previous).end, end: current.end, text: '' };
  if (owner.type === 'ObjectExpression') {
    const object = statement.range(owner);
    return { start: object.start + 1, end: object.end - 1, text: '' };
  }
  return { ...current, text: '' };
}

/** The syntax tree of one statement, parsed on demand, with offsets in the whole code. */
class StatementSyntax {
  readonly root: t.Statement;
  private readonly base: number;

  constructor(code: string, range: Range) {
    this.base = range[0];
    let file: t.File;
    try {
      file = parse(code.slice(range[0], range[1]), {
        sourceType: 'module',
        plugins: ['typescript'],
        errorRecovery: true,
        attachComment: false,
        allowReturnOutsideFunction: true,
        allowAwaitOutsideFunction: true,
        allowNewTargetOutsideFunction: true,
        allowSuperOutsideMethod: true,
        allowUndeclaredExports: true,
      });
    } catch (error) {
      throw new BlockEditError(
        'INVALID_TARGET',
        `This statement cannot be edited by parameter: ${(error as Error).message}`,
      );
    }
    const root = file.program.body[0];
    if (!root)
      throw new BlockEditError('INVALID_TARGET', 'This statement cannot be edited by parameter.');
    this.root = root;
  }

  range(node: t.Node): { start: number; end: number } {
    return { start: (node.start ?? 0) + this.base, end: (node.end ?? 0) + this.base };
  }

  /** Nodes from the statement down to the deepest node spanning exactly `range`; empty when none does. */
  ancestors(range: Range): t.Node[] {
    const chain: t.Node[] = [];
    const search = (node: t.Node): boolean => {
      const { start, end } = this.range(node);
      if (start > range[0] || end < range[1]) return false;
      chain.push(node);
      for (const child of childNodes(node)) if (search(child)) return true;
      // The deepest node wins: a shorthand property spans exactly what its value spans.
      if (start === range[0] && end === range[1]) return true;
      chain.pop();
      return false;
    };
    search(this.root);
    return chain;
  }

  nodeAt(range: Range): t.Node | undefined {
    return this.ancestors(range).at(-1);
  }

  /** The app call of a call statement (`[x =] [await] app.…(…)`). */
  call(): t.CallExpression | null {
    const root = this.root;
    let expression: t.Node | null | undefined =
      root.type === 'ExpressionStatement'
        ? root.expression
        : root.type === 'VariableDeclaration'
          ? root.declarations[0]?.init
          : null;
    if (expression?.type === 'AssignmentExpression') expression = expression.right;
    if (expression?.type === 'AwaitExpression') expression = expression.argument;
    return expression?.type === 'CallExpression' ? expression : null;
  }
}

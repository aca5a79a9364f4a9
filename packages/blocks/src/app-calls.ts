import type * as t from '@babel/types';
import { expressionParam, nameParam, objectFields, type ParamContext } from './params.js';
import { DATA_OPS, type DataOp, type Param } from './types.js';

/** Parameter names of each data operation's arguments, in order. */
export const DATA_OP_ARGS: Record<DataOp, readonly string[]> = {
  create: ['values'],
  get: ['id'],
  query: ['where', 'options'],
  update: ['id', 'patch'],
  delete: ['id'],
  updateMany: ['where', 'set'],
  deleteMany: ['where'],
  count: ['where'],
};

export const SERVICE_ARGS: readonly string[] = ['args'];
export const PUBLISH_ARGS: readonly string[] = ['sender', 'args'];
export const LOG_ARGS: readonly string[] = [];

/** Name of the argument at `index` for a call whose known arguments are `names`: `arg3` past the list. */
export function argName(names: readonly string[], index: number): string {
  return names[index] ?? `arg${index + 1}`;
}

export type AppCall =
  | { kind: 'notify'; params: Param[]; argsObject: boolean }
  | { kind: 'log'; params: Param[] }
  | { kind: 'publish'; params: Param[] }
  | { kind: 'serviceCall'; service: string; fn: string; params: Param[] }
  | { kind: 'data'; model: string; op: DataOp; params: Param[] };

/** What an `app.…(…)` call is, a reason when it looks like one but is not, or null for other calls. */
export function describeAppCall(
  context: ParamContext,
  call: t.Node,
): AppCall | { reason: string } | null {
  if (call.type !== 'CallExpression' || context.appName === null) return null;
  const chain = memberChain(call.callee);
  if (!chain || chain.names[0] !== context.appName) return null;
  const names = chain.names.slice(1);
  const args = (names: readonly string[]) =>
    call.arguments.map((arg, index) => expressionParam(context, argName(names, index), arg));
  const path = names.join('.');
  if (path === 'notify') {
    const only = call.arguments[0];
    if (call.arguments.length === 1 && only?.type === 'ObjectExpression') {
      const fields = objectFields(context, only);
      if (fields) return { kind: 'notify', params: fields, argsObject: true };
    }
    return { kind: 'notify', params: args(SERVICE_ARGS), argsObject: false };
  }
  if (path === 'log') return { kind: 'log', params: args(LOG_ARGS) };
  if (path === 'event.publish') return { kind: 'publish', params: args(PUBLISH_ARGS) };
  const [group, element, member] = names;
  const elementNode = chain.nodes[2];
  const memberNode = chain.nodes[3];
  if (names.length === 3 && element && member && elementNode && memberNode) {
    if (group === 'services') {
      return {
        kind: 'serviceCall',
        service: element,
        fn: member,
        params: [
          nameParam(context, 'service', elementNode),
          nameParam(context, 'fn', memberNode),
          ...args(SERVICE_ARGS),
        ],
      };
    }
    if (group === 'models') {
      if (!isDataOp(member)) {
        return {
          reason: `\`${member}\` is not a data operation (${DATA_OPS.join(', ')}).`,
        };
      }
      return {
        kind: 'data',
        model: element,
        op: member,
        params: [
          nameParam(context, 'model', elementNode),
          nameParam(context, 'op', memberNode),
          ...args(DATA_OP_ARGS[member]),
        ],
      };
    }
  }
  return { reason: `\`${context.appName}.${path}\` is not part of the app API.` };
}

export function isDataOp(name: string): name is DataOp {
  return (DATA_OPS as readonly string[]).includes(name);
}

/** `app.models.Order.create` → names and the identifier nodes; null for computed or optional steps. */
function memberChain(node: t.Node): { names: string[]; nodes: t.Node[] } | null {
  const names: string[] = [];
  const nodes: t.Node[] = [];
  let current = node;
  while (current.type === 'MemberExpression') {
    if (current.computed || current.property.type !== 'Identifier') return null;
    names.push(current.property.name);
    nodes.push(current.property);
    current = current.object;
  }
  if (current.type !== 'Identifier') return null;
  names.push(current.name);
  nodes.push(current);
  return { names: names.reverse(), nodes: nodes.reverse() };
}

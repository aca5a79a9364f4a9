import type * as t from '@babel/types';
import type { Param } from './types.js';

/** What a parameter's classification needs to know about the handler. */
export interface ParamContext {
  code: string;
  eventName: string | null;
  appName: string | null;
}

/** A parameter holding an expression, classified for the pickers. */
export function expressionParam(context: ParamContext, name: string, node: t.Node): Param {
  const range: Param['range'] = [node.start ?? 0, node.end ?? 0];
  const param: Param = {
    name,
    text: context.code.slice(range[0], range[1]),
    range,
    form: 'expression',
  };
  switch (node.type) {
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BooleanLiteral':
      return { ...param, form: 'literal', value: node.value };
    case 'NullLiteral':
      return { ...param, form: 'literal', value: null };
    case 'TemplateLiteral': {
      const only = node.quasis[0];
      if (node.expressions.length === 0 && only && only.value.cooked != null) {
        return { ...param, form: 'literal', value: only.value.cooked };
      }
      return param;
    }
    case 'UnaryExpression':
      if (node.operator === '-' && node.argument.type === 'NumericLiteral') {
        return { ...param, form: 'literal', value: -node.argument.value };
      }
      return param;
    case 'Identifier':
      return { ...param, form: 'variable', path: [node.name] };
    case 'MemberExpression':
    case 'OptionalMemberExpression': {
      const path = memberPath(node);
      if (!path) return param;
      const [root, ...rest] = path;
      if (root === context.appName) return param;
      if (root === context.eventName) return { ...param, form: 'eventPath', path: rest };
      return { ...param, form: 'variable', path };
    }
    case 'ObjectExpression': {
      const fields = objectFields(context, node);
      return fields ? { ...param, form: 'object', fields } : param;
    }
    default:
      return param;
  }
}

/** A parameter that is a bare identifier chosen from a list (model, service, function, op, variable). */
export function nameParam(context: ParamContext, name: string, node: t.Node): Param {
  const start = node.start ?? 0;
  // An annotated identifier (`x: number`) spans its annotation; the name is only the identifier.
  const end = node.type === 'Identifier' ? start + node.name.length : (node.end ?? 0);
  return { name, text: context.code.slice(start, end), range: [start, end], form: 'name' };
}

/** `a.b['c']` → `['a', 'b', 'c']`; null when a step is computed from an expression. */
function memberPath(node: t.Node): string[] | null {
  const path: string[] = [];
  let current = node;
  while (current.type === 'MemberExpression' || current.type === 'OptionalMemberExpression') {
    const property = current.property;
    if (!current.computed && property.type === 'Identifier') path.push(property.name);
    else if (current.computed && property.type === 'StringLiteral') path.push(property.value);
    else return null;
    current = current.object;
  }
  if (current.type !== 'Identifier') return null;
  path.push(current.name);
  return path.reverse();
}

/** The fields of `{ a: 1, b }`; null when the object has spreads, methods or computed keys. */
export function objectFields(context: ParamContext, node: t.ObjectExpression): Param[] | null {
  const fields: Param[] = [];
  for (const property of node.properties) {
    if (property.type !== 'ObjectProperty' || property.computed) return null;
    const key = propertyKey(property.key);
    if (key === null || property.value.type.endsWith('Pattern')) return null;
    fields.push(expressionParam(context, key, property.value));
  }
  return fields;
}

export function propertyKey(key: t.Node): string | null {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'StringLiteral') return key.value;
  if (key.type === 'NumericLiteral') return String(key.value);
  return null;
}

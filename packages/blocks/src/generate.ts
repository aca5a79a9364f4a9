import type { ArgSpec, AssignSpec, BlockSpec, Expr } from './block-spec.js';
import { reindent } from './reindent.js';

/** Where generated text goes. */
export interface GenerateContext {
  /** Indentation of the line the block starts on. */
  indent: string;
  /** One level of indentation. */
  unit: string;
  eol: string;
  /** Name of the handler's app parameter. */
  app: string;
  /** Line width past which objects are written one field per line. */
  width?: number;
}

const DEFAULT_WIDTH = 100;

/**
 * Source text for a new block. The first line carries no indentation (the caller places it); the
 * following lines are indented from `context.indent`.
 */
export function generateBlock(spec: BlockSpec, context: GenerateContext): string {
  const { app } = context;
  switch (spec.kind) {
    case 'notify':
      // A copied `app.notify()` has neither and stays without arguments.
      return call(
        context,
        spec.await ?? true,
        spec.assignTo,
        `${app}.notify`,
        spec.args !== undefined || spec.params !== undefined ? [spec.args ?? spec.params!] : [],
      );
    case 'serviceCall':
      return call(
        context,
        spec.await ?? true,
        spec.assignTo,
        `${app}.services.${spec.service}.${spec.fn}`,
        spec.args ?? [],
      );
    case 'data':
      return call(
        context,
        spec.await ?? true,
        spec.assignTo,
        `${app}.models.${spec.model}.${spec.op}`,
        spec.args ?? [],
      );
    case 'publish':
      return call(context, spec.await ?? true, spec.assignTo, `${app}.event.publish`, [
        spec.sender,
        ...(spec.args === undefined ? [] : [spec.args]),
      ]);
    case 'log':
      return call(context, spec.await ?? false, spec.assignTo, `${app}.log`, spec.args);
    case 'if': {
      let text = `if (${spec.test}) ${body(context, spec.then)}`;
      for (const branch of spec.elseIfs ?? []) {
        text += ` else if (${branch.test}) ${body(context, branch.body)}`;
      }
      if (spec.else) text += ` else ${body(context, spec.else)}`;
      return text;
    }
    case 'forEach':
      return `for ${spec.await ? 'await ' : ''}(${declaration(spec.declare)}${spec.item} of ${spec.items}) ${body(context, spec.body)}`;
    case 'loop':
      switch (spec.loop) {
        case 'while':
          return `while (${spec.test ?? 'true'}) ${body(context, spec.body)}`;
        case 'doWhile':
          return `do ${body(context, spec.body)} while (${spec.test ?? 'false'});`;
        case 'for':
          return `for (${spec.init ?? ''}; ${spec.test ?? ''}; ${spec.update ?? ''}) ${body(context, spec.body)}`;
        case 'forIn':
          return `for (${declaration(spec.declare)}${spec.item ?? 'key'} in ${spec.object ?? '{}'}) ${body(context, spec.body)}`;
      }
      break;
    case 'setVariable': {
      const operator = spec.operator ?? '=';
      if (operator === '++' || operator === '--') return `${spec.target}${operator};`;
      const type = spec.type ? `: ${spec.type}` : '';
      const value = spec.value === undefined ? '' : ` ${operator} ${spec.value}`;
      const statement = `${declaration(spec.declare)}${spec.target}${type}${value}`;
      // `{ a } = obj` alone reads as a block: an assignment to an object pattern needs parentheses.
      if (spec.declare === null && spec.target.trimStart().startsWith('{'))
        return `(${statement});`;
      return `${statement};`;
    }
    case 'return':
      return spec.value === undefined ? 'return;' : `return ${spec.value};`;
    case 'abort':
      return `throw new Error(${spec.message ?? ''});`;
    case 'try': {
      let text = `try ${body(context, spec.try)}`;
      const handler = spec.catch ?? (spec.finally ? undefined : { error: 'error' });
      if (handler) {
        const binding = handler.error ? ` (${handler.error})` : '';
        text += ` catch${binding} ${body(context, handler.body)}`;
      }
      if (spec.finally) text += ` finally ${body(context, spec.finally)}`;
      return text;
    }
    case 'switch': {
      const { eol, indent, unit } = context;
      const clauses = spec.cases.map((clause) => {
        const label = clause.test === null ? 'default:' : `case ${clause.test}:`;
        const inner = { ...context, indent: indent + unit + unit };
        return eol + indent + unit + label + statementLines(clause.body ?? [], inner);
      });
      return `switch (${spec.value}) {${clauses.join('')}${eol}${indent}}`;
    }
    case 'comment':
      // Every line terminator JavaScript knows, so no part of the text can end up as code.
      return spec.text
        .split(/\r\n|[\n\r\u2028\u2029]/)
        .map((line) => (line === '' ? '//' : `// ${line}`))
        .join(context.eol + context.indent);
    case 'raw':
      return reindent(spec.text.trim(), spec.fromIndent ?? '', context.indent).text;
  }
  return '';
}

/** `{` + statements one level in + `}`. */
function body(context: GenerateContext, statements: BlockSpec[] = []): string {
  const { eol, indent, unit } = context;
  const inner = { ...context, indent: indent + unit };
  return `{${statementLines(statements, inner)}${eol}${indent}}`;
}

/**
 * Each statement on a line of its own at `context.indent`; a comment followed by a statement gets a
 * blank line below it, so it stays a comment block instead of becoming that statement's comment.
 */
function statementLines(statements: BlockSpec[], context: GenerateContext): string {
  const { eol, indent } = context;
  return statements
    .map((child, index) => {
      const gap = child.kind === 'comment' && index < statements.length - 1 ? eol : '';
      return eol + indent + generateBlock(child, context) + gap;
    })
    .join('');
}

function call(
  context: GenerateContext,
  awaited: boolean,
  assignTo: AssignSpec | undefined,
  callee: string,
  args: ArgSpec[],
): string {
  const prefix = `${assignPrefix(assignTo)}${awaited ? 'await ' : ''}${callee}(`;
  const width = context.width ?? DEFAULT_WIDTH;
  const inline = args.map((arg) => (typeof arg === 'string' ? arg : inlineObject(arg))).join(', ');
  const column = context.indent.length + prefix.length + inline.length + 2;
  const last = args[args.length - 1];
  if (
    (column <= width && !inline.includes('\n')) ||
    last === undefined ||
    typeof last === 'string'
  ) {
    return `${prefix}${inline});`;
  }
  const head = args
    .slice(0, -1)
    .map((arg) => (typeof arg === 'string' ? arg : inlineObject(arg)))
    .map((text) => `${text}, `)
    .join('');
  return `${prefix}${head}${multilineObject(last, context)});`;
}

function assignPrefix(assignTo: AssignSpec | undefined): string {
  if (!assignTo) return '';
  return `${declaration(assignTo.declare)}${assignTo.target} ${assignTo.operator ?? '='} `;
}

/** `const ` by default, nothing for null (an existing target). */
function declaration(declare: string | null | undefined): string {
  return declare === undefined ? 'const ' : declare === null ? '' : `${declare} `;
}

function inlineObject(fields: { [field: string]: Expr }): string {
  const entries = Object.entries(fields);
  if (entries.length === 0) return '{}';
  return `{ ${entries.map(([key, value]) => `${propertyName(key)}: ${value}`).join(', ')} }`;
}

function multilineObject(fields: { [field: string]: Expr }, context: GenerateContext): string {
  const { eol, indent, unit } = context;
  const lines = Object.entries(fields).map(
    ([key, value]) => `${eol}${indent}${unit}${propertyName(key)}: ${value},`,
  );
  return `{${lines.join('')}${eol}${indent}}`;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A key as written in an object literal: bare when it can be, quoted otherwise. */
export function propertyName(key: string): string {
  return IDENTIFIER.test(key) ? key : literalSource(key);
}

/** Source text of a literal value, strings in single quotes: `literalSource('Big order')` → `'Big order'`. */
export function literalSource(value: string | number | boolean | null): string {
  if (typeof value !== 'string') return String(value);
  const escaped = value.replace(/[\\'\n\r\t\u2028\u2029]/g, (char) => {
    switch (char) {
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      case '\u2028':
        return '\\u2028';
      case '\u2029':
        return '\\u2029';
      default:
        return `\\${char}`;
    }
  });
  return `'${escaped}'`;
}

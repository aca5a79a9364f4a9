import { parse, type ParserOptions } from '@babel/parser';
import type * as t from '@babel/types';
import type { HandlerInfo, HandlerParam, ParseError } from './types.js';

export const PARSER_OPTIONS: ParserOptions = {
  sourceType: 'module',
  plugins: ['typescript'],
  // Comments are attributed by position (comments.ts), not by Babel's attachment rules.
  attachComment: false,
};

export const SHAPE_MESSAGE =
  'The handler must be `export default async function (event, app) { … }`.';

type HandlerFunction = t.FunctionDeclaration | t.FunctionExpression | t.ArrowFunctionExpression;

export interface LocatedHandler {
  ast: t.File;
  fn: HandlerFunction & { body: t.BlockStatement };
  info: HandlerInfo;
}

/** Parses the code and finds the handler, or says why it cannot. */
export function locateHandler(code: string): LocatedHandler | { error: ParseError } {
  let ast: t.File;
  try {
    ast = parse(code, PARSER_OPTIONS);
  } catch (thrown) {
    return { error: syntaxError(thrown) };
  }
  const exported = ast.program.body.find(
    (statement): statement is t.ExportDefaultDeclaration =>
      statement.type === 'ExportDefaultDeclaration',
  );
  if (!exported) return { error: shapeError(code, 'NO_HANDLER', SHAPE_MESSAGE, 0) };
  const fn = exported.declaration;
  if (
    fn.type !== 'FunctionDeclaration' &&
    fn.type !== 'FunctionExpression' &&
    fn.type !== 'ArrowFunctionExpression'
  ) {
    return { error: shapeError(code, 'HANDLER_SHAPE', SHAPE_MESSAGE, fn.start ?? 0) };
  }
  if (!fn.async || fn.generator) {
    return {
      error: shapeError(
        code,
        'HANDLER_SHAPE',
        'The handler must be an `async function` (and not a generator).',
        fn.start ?? 0,
      ),
    };
  }
  if (fn.body.type !== 'BlockStatement') {
    return {
      error: shapeError(
        code,
        'HANDLER_SHAPE',
        'The handler needs a `{ … }` body.',
        fn.body.start ?? 0,
      ),
    };
  }
  const params = fn.params.map((param) => handlerParam(code, param));
  const body = fn.body;
  return {
    ast,
    fn: fn as LocatedHandler['fn'],
    info: {
      eventName: params[0]?.name ?? null,
      appName: params[1]?.name ?? null,
      params,
      returnType: fn.returnType ? typeText(code, fn.returnType) : null,
      range: [exported.start ?? 0, exported.end ?? 0],
      bodyRange: [(body.start ?? 0) + 1, (body.end ?? 0) - 1],
      line: exported.loc?.start.line ?? 1,
    },
  };
}

function handlerParam(code: string, param: t.Node): HandlerParam {
  const text = code.slice(param.start ?? 0, param.end ?? 0);
  if (param.type === 'Identifier') {
    return {
      name: param.name,
      text,
      type: param.typeAnnotation ? typeText(code, param.typeAnnotation) : null,
    };
  }
  return { name: null, text, type: null };
}

/** Source of a `: Type` annotation without the colon. */
function typeText(code: string, annotation: t.Node): string {
  const inner =
    annotation.type === 'TSTypeAnnotation' ? annotation.typeAnnotation : (annotation as t.Node);
  return code.slice(inner.start ?? 0, inner.end ?? 0);
}

function syntaxError(thrown: unknown): ParseError {
  const error = thrown as {
    message?: string;
    loc?: { line: number; column: number };
    pos?: number;
  };
  const message = (error.message ?? String(thrown)).replace(/ \(\d+:\d+\)$/, '');
  return {
    code: 'SYNTAX',
    message,
    line: error.loc?.line ?? 1,
    column: (error.loc?.column ?? 0) + 1,
    offset: error.pos ?? 0,
  };
}

function shapeError(
  code: string,
  errorCode: ParseError['code'],
  message: string,
  offset: number,
): ParseError {
  const before = code.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { code: errorCode, message, line, column, offset };
}

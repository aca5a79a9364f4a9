import ts from 'typescript';
import { compileError } from './compile-error.js';
import {
  checkImport,
  hasModifier,
  isTypeOnlyDeclaration,
  modifiersOf,
  parseTs,
} from './source-file.js';
import type { HandlerError } from './types.js';

export type HandlerSource = {
  sf: ts.SourceFile;
  /** The `export default async function (event, app) {...}` declaration. */
  handler: ts.FunctionDeclaration & { body: ts.Block };
  /** Type-only imports that type stripping leaves as `import {  } from '...'`; blanked before running. */
  blank: ts.Statement[];
};

const SIGNATURE = '`export default async function (event, app) { ... }`';

/**
 * Parses handler text and checks its shape: syntax errors, exactly one default export that is an
 * async function declaration, no value imports (handler code reaches the outside only through
 * `app`) and no other exports.
 */
export function parseHandler(code: string): HandlerSource | HandlerError {
  const { sf, error } = parseTs(code, 'handler');
  if (error) return error;

  let handler: HandlerSource['handler'] | undefined;
  const blank: ts.Statement[] = [];
  for (const statement of sf.statements) {
    const at = statement.getStart(sf);
    const imported = checkImport(statement, sf, 'handler', blank);
    if (imported) return imported;
    if (imported === null) continue;
    if (ts.isExportAssignment(statement)) {
      return compileError(describeBadDefault(statement), sf, at);
    }
    if (ts.isExportDeclaration(statement)) {
      if (statement.isTypeOnly) continue;
      return compileError(`handler code may only export its handler: ${SIGNATURE}`, sf, at);
    }
    const modifiers = modifiersOf(statement);
    const isExport = hasModifier(modifiers, ts.SyntaxKind.ExportKeyword);
    if (!isExport || isTypeOnlyDeclaration(statement, modifiers)) continue;
    if (!hasModifier(modifiers, ts.SyntaxKind.DefaultKeyword))
      return compileError(`handler code may only export its handler: ${SIGNATURE}`, sf, at);
    if (!ts.isFunctionDeclaration(statement)) {
      return compileError(`the default export must be an async function: ${SIGNATURE}`, sf, at);
    }
    if (!statement.body) continue; // an overload signature; type stripping removes it
    if (handler) return compileError('handler code has more than one default export', sf, at);
    if (statement.asteriskToken)
      return compileError(`the handler cannot be a generator: ${SIGNATURE}`, sf, at);
    if (!hasModifier(modifiers, ts.SyntaxKind.AsyncKeyword)) {
      return compileError(`the handler must be async: ${SIGNATURE}`, sf, at);
    }
    handler = statement as HandlerSource['handler'];
  }
  if (!handler)
    return compileError(`handler code has no default export; write ${SIGNATURE}`, sf, sf.getEnd());
  return { sf, handler, blank };
}

function describeBadDefault(statement: ts.ExportAssignment): string {
  if (statement.isExportEquals) return `use ${SIGNATURE} instead of \`export =\``;
  let expression: ts.Expression = statement.expression;
  while (ts.isParenthesizedExpression(expression)) expression = expression.expression;
  if (ts.isArrowFunction(expression)) {
    return `the handler must be a function declaration, not an arrow function: ${SIGNATURE}`;
  }
  if (ts.isFunctionExpression(expression)) return `write the handler as ${SIGNATURE}`;
  return `the default export must be an async function: ${SIGNATURE}`;
}

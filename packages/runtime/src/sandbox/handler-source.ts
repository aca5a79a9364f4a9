import ts from 'typescript';
import { compileError } from './compile-error.js';
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
  const sf = ts.createSourceFile(
    'handler.ts',
    code,
    ts.ScriptTarget.ESNext,
    true,
    ts.ScriptKind.TS,
  );
  const syntax =
    (sf as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  const first = syntax[0];
  if (first) {
    return compileError(ts.flattenDiagnosticMessageText(first.messageText, '\n'), sf, first.start);
  }

  let handler: HandlerSource['handler'] | undefined;
  const blank: ts.Statement[] = [];
  for (const statement of sf.statements) {
    const at = statement.getStart(sf);
    if (ts.isImportDeclaration(statement)) {
      if (isTypeOnlyImport(statement)) blank.push(statement);
      else
        return compileError(
          'imports are not available in handler code; use `app` to reach models and services',
          sf,
          at,
        );
      continue;
    }
    if (ts.isImportEqualsDeclaration(statement)) {
      if (statement.isTypeOnly) continue;
      return compileError(
        'imports are not available in handler code; use `app` to reach models and services',
        sf,
        at,
      );
    }
    if (ts.isExportAssignment(statement)) {
      return compileError(describeBadDefault(statement), sf, at);
    }
    if (ts.isExportDeclaration(statement)) {
      if (statement.isTypeOnly) continue;
      return compileError(`handler code may only export its handler: ${SIGNATURE}`, sf, at);
    }
    const modifiers = ts.canHaveModifiers(statement) ? (ts.getModifiers(statement) ?? []) : [];
    const isExport = modifiers.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!isExport || isTypeOnlyDeclaration(statement, modifiers)) continue;
    const isDefault = modifiers.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
    if (!isDefault)
      return compileError(`handler code may only export its handler: ${SIGNATURE}`, sf, at);
    if (!ts.isFunctionDeclaration(statement)) {
      return compileError(`the default export must be an async function: ${SIGNATURE}`, sf, at);
    }
    if (!statement.body) continue; // an overload signature; type stripping removes it
    if (handler) return compileError('handler code has more than one default export', sf, at);
    if (statement.asteriskToken)
      return compileError(`the handler cannot be a generator: ${SIGNATURE}`, sf, at);
    if (!modifiers.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) {
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

function isTypeOnlyImport(statement: ts.ImportDeclaration): boolean {
  const clause = statement.importClause;
  if (!clause) return false; // a side-effect import
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  return !!bindings && ts.isNamedImports(bindings) && bindings.elements.every((e) => e.isTypeOnly);
}

function isTypeOnlyDeclaration(
  statement: ts.Statement,
  modifiers: readonly ts.ModifierLike[],
): boolean {
  return (
    ts.isInterfaceDeclaration(statement) ||
    ts.isTypeAliasDeclaration(statement) ||
    modifiers.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)
  );
}

import ts from 'typescript';
import { compileError } from './compile-error.js';
import type { HandlerError } from './types.js';

/** What kind of file is being read, for messages: 'handler' (handler.ts) or 'service' (service.ts). */
export type CodeKind = 'handler' | 'service';

export const FILENAMES: Record<CodeKind, string> = {
  handler: 'handler.ts',
  service: 'service.ts',
};

/** Parses TypeScript text; the first syntax error, if any, as a COMPILE_ERROR. */
export function parseTs(
  code: string,
  kind: CodeKind,
): { sf: ts.SourceFile; error: HandlerError | null } {
  const sf = ts.createSourceFile(
    FILENAMES[kind],
    code,
    ts.ScriptTarget.ESNext,
    true,
    ts.ScriptKind.TS,
  );
  const syntax =
    (sf as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  const first = syntax[0];
  const error = first
    ? compileError(ts.flattenDiagnosticMessageText(first.messageText, '\n'), sf, first.start)
    : null;
  return { sf, error };
}

export function importsMessage(kind: CodeKind): string {
  return `imports are not available in ${kind} code; use \`app\` to reach models and services`;
}

/**
 * Checks an import statement: type-only imports are allowed (those type stripping leaves as
 * `import {  } from '...'` go to `blank`, to be blanked before running), value imports are an
 * error. Returns undefined for statements that are not imports.
 */
export function checkImport(
  statement: ts.Statement,
  sf: ts.SourceFile,
  kind: CodeKind,
  blank: ts.Statement[],
): HandlerError | null | undefined {
  if (ts.isImportDeclaration(statement)) {
    if (!isTypeOnlyImport(statement))
      return compileError(importsMessage(kind), sf, statement.getStart(sf));
    blank.push(statement);
    return null;
  }
  if (ts.isImportEqualsDeclaration(statement)) {
    return statement.isTypeOnly
      ? null
      : compileError(importsMessage(kind), sf, statement.getStart(sf));
  }
  return undefined;
}

function isTypeOnlyImport(statement: ts.ImportDeclaration): boolean {
  const clause = statement.importClause;
  if (!clause) return false; // a side-effect import
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  return !!bindings && ts.isNamedImports(bindings) && bindings.elements.every((e) => e.isTypeOnly);
}

export function modifiersOf(statement: ts.Statement): readonly ts.ModifierLike[] {
  return ts.canHaveModifiers(statement) ? (ts.getModifiers(statement) ?? []) : [];
}

export function hasModifier(modifiers: readonly ts.ModifierLike[], kind: ts.SyntaxKind): boolean {
  return modifiers.some((m) => m.kind === kind);
}

/** Declarations type stripping removes entirely (interfaces, type aliases, `declare ...`). */
export function isTypeOnlyDeclaration(
  statement: ts.Statement,
  modifiers: readonly ts.ModifierLike[],
): boolean {
  return (
    ts.isInterfaceDeclaration(statement) ||
    ts.isTypeAliasDeclaration(statement) ||
    hasModifier(modifiers, ts.SyntaxKind.DeclareKeyword)
  );
}

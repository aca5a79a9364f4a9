import ts from 'typescript';
import { blankSourceFile } from 'ts-blank-space';
import { compileError } from './compile-error.js';
import { importsMessage, type CodeKind } from './source-file.js';
import type { HandlerError } from './types.js';

/**
 * Removes TypeScript syntax by overwriting it with spaces, so every remaining character keeps its
 * line and column. Syntax that has runtime meaning (enums, namespaces, `<T>x` assertions,
 * parameter properties) cannot be blanked and is reported as a COMPILE_ERROR.
 */
export function stripTypes(sf: ts.SourceFile, kind: CodeKind): string | HandlerError {
  let unsupported: ts.Node | undefined;
  const js = blankSourceFile(sf, (node) => {
    unsupported ??= node;
  });
  if (unsupported)
    return compileError(unsupportedMessage(unsupported, kind), sf, unsupported.getStart(sf));
  return js;
}

function unsupportedMessage(node: ts.Node, kind: CodeKind): string {
  switch (node.kind) {
    case ts.SyntaxKind.EnumDeclaration:
      return `enums are not supported in ${kind} code; use a union of string literals or a const object`;
    case ts.SyntaxKind.ModuleDeclaration:
      return `namespaces are not supported in ${kind} code`;
    case ts.SyntaxKind.TypeAssertionExpression:
      return '`<T>value` type assertions are not supported; write `value as T`';
    case ts.SyntaxKind.Parameter:
      return 'parameter properties are not supported; assign the field in the constructor body';
    case ts.SyntaxKind.ImportEqualsDeclaration:
      return importsMessage(kind);
    default:
      return `unsupported TypeScript syntax (${ts.SyntaxKind[node.kind]}); only type annotations can be used`;
  }
}

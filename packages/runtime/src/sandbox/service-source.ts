import ts from 'typescript';
import { compileError } from './compile-error.js';
import {
  checkImport,
  hasModifier,
  isTypeOnlyDeclaration,
  modifiersOf,
  parseTs,
} from './source-file.js';
import type { HandlerError, ServiceFunctionInfo } from './types.js';

/** One exported function of a service module. */
export type ServiceFunction = ServiceFunctionInfo & {
  declaration: ts.FunctionDeclaration & { body: ts.Block; name: ts.Identifier };
};

export type ServiceSource = {
  sf: ts.SourceFile;
  /** Exported function implementations, in source order. */
  functions: ServiceFunction[];
  /** Type-only imports that type stripping leaves as `import {  } from '...'`; blanked before running. */
  blank: ts.Statement[];
  /** The first problem found (a syntax error first), or null when the module can run. */
  error: HandlerError | null;
};

const SIGNATURE = '`export async function name(args, app) { ... }`';

/**
 * Parses service.ts: any number of exported function declarations (async or not), non-exported
 * declarations and statements, type-only imports and exports. No value imports (service code
 * reaches the outside only through `app`), no default export, no exported values other than
 * functions. The functions are listed even when there is an error, as far as they were read.
 */
export function parseService(code: string): ServiceSource {
  const { sf, error: syntaxError } = parseTs(code, 'service');
  let error = syntaxError;
  const functions: ServiceFunction[] = [];
  const blank: ts.Statement[] = [];
  const problem = (message: string, node: ts.Node) => {
    error ??= compileError(message, sf, node.getStart(sf));
  };

  for (const statement of sf.statements) {
    const imported = checkImport(statement, sf, 'service', blank);
    if (imported) error ??= imported;
    if (imported !== undefined) continue;
    if (ts.isExportAssignment(statement)) {
      problem(
        `service code has no default export; export each function as ${SIGNATURE}`,
        statement,
      );
      continue;
    }
    if (ts.isExportDeclaration(statement)) {
      if (!statement.isTypeOnly)
        problem(`write \`export\` on the function declaration itself: ${SIGNATURE}`, statement);
      continue;
    }
    const modifiers = modifiersOf(statement);
    if (!hasModifier(modifiers, ts.SyntaxKind.ExportKeyword)) continue;
    if (isTypeOnlyDeclaration(statement, modifiers)) continue;
    if (hasModifier(modifiers, ts.SyntaxKind.DefaultKeyword)) {
      problem(
        `service code has no default export; export each function as ${SIGNATURE}`,
        statement,
      );
      continue;
    }
    if (!ts.isFunctionDeclaration(statement)) {
      problem(`service code exports functions only: ${SIGNATURE}`, statement);
      continue;
    }
    if (!statement.body || !statement.name) continue; // an overload signature; stripped
    const name = statement.name.text;
    if (statement.asteriskToken) {
      problem(`service function ${name} cannot be a generator: ${SIGNATURE}`, statement);
      continue;
    }
    if (functions.some((f) => f.name === name)) {
      problem(`service function ${name} is exported more than once`, statement);
      continue;
    }
    const start = statement.getStart(sf);
    functions.push({
      name,
      params: statement.parameters.filter((p) => !isThisParameter(p)).length,
      async: hasModifier(modifiers, ts.SyntaxKind.AsyncKeyword),
      line: sf.getLineAndCharacterOfPosition(start).line + 1,
      declaration: statement as ServiceFunction['declaration'],
    });
  }
  return { sf, functions, blank, error };
}

/** `function f(this: T, ...)`: a type annotation only, removed by type stripping. */
function isThisParameter(p: ts.ParameterDeclaration): boolean {
  return ts.isIdentifier(p.name) && p.name.text === 'this';
}

/** The public description of the functions (without their syntax nodes). */
export function describeFunctions(functions: readonly ServiceFunction[]): ServiceFunctionInfo[] {
  return functions.map(({ name, params, async, line }) => ({ name, params, async, line }));
}

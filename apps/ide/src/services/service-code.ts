import { argsParam, paramType } from '../monaco/app-typings';
import type { FunctionDraft } from './service-draft';

const EXPORTED_FUNCTION =
  /^[ \t]*export[ \t]+(?:async[ \t]+)?function[ \t]*\*?[ \t]*([A-Za-z_$][\w$]*)/gm;

/**
 * The names of the functions service.ts exports, read from the text (a quick look for the form;
 * the server parses the code for real when it is saved).
 */
export function exportedFunctions(code: string): string[] {
  return [...code.matchAll(EXPORTED_FUNCTION)].map((m) => m[1]!);
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The first parameter's annotation: the args object, or the payload of a handler function. */
function firstParam(fn: FunctionDraft): string {
  const event = fn.params.find((p) => p.type.startsWith('event:'));
  if (event)
    return `${IDENT.test(event.name) ? event.name : 'event'}: ${paramType(event.type, [])}`;
  return argsParam(
    fn.params.filter((p) => IDENT.test(p.name)),
    [],
    'definition',
  );
}

/** A function for service.ts matching its declaration in e.json, to be filled in. */
export function functionStub(fn: FunctionDraft): string {
  const lines = [
    ...(fn.title ? [`/** ${fn.title.replace(/\*\//g, '*\\/')} */`] : []),
    `export async function ${fn.name}(${firstParam(fn)}, app: App) {`,
    fn.params.some((p) => p.type.startsWith('event:'))
      ? `  app.log('${fn.name} received', ${IDENT.test(fn.params[0]?.name ?? '') ? fn.params[0]!.name : 'event'});`
      : `  app.log('${fn.name} called', args);`,
    '  return null;',
    '}',
  ];
  return lines.join('\n');
}

/** service.ts with stubs appended for the declared functions it does not export yet. */
export function withStubs(code: string, functions: readonly FunctionDraft[]): string {
  const exported = new Set(exportedFunctions(code));
  const missing = functions.filter((f) => IDENT.test(f.name) && !exported.has(f.name));
  if (!missing.length) return code;
  const base = code.replace(/\s*$/, '');
  return `${base}${base ? '\n\n' : ''}${missing.map(functionStub).join('\n\n')}\n`;
}

/** The service.ts of a new service. */
export function starterServiceCode(name: string, title: string): string {
  return [
    `// ${title || name}: export one function per entry of "functions" in e.json,`,
    '// called as fn(args, app); app reaches models, other services, notify, log and event.publish.',
    '',
  ].join('\n');
}

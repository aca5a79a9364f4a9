import ts from 'typescript';
import { blankStatements, instrumentBody, RT, type StaticStatement } from './instrument-body.js';
import { EditedText, type Edit } from './position-map.js';
import type { ServiceSource } from './service-source.js';

/** The sids [first, last] of one function's body statements (empty when first > last). */
export type SidRange = { first: number; last: number };

export type InstrumentedService = {
  edited: EditedText;
  statements: StaticStatement[];
  ranges: Map<string, SidRange>;
};

/**
 * Turns stripped service text into a script evaluating to a factory `(recorder) => exports`, where
 * `exports` maps each exported function's name to the function. The bodies of all exported
 * functions are instrumented with one numbering; a run records only the range of the function it
 * called, so a service function calling another one directly shows as one step.
 */
export function instrumentService(source: ServiceSource, stripped: string): InstrumentedService {
  const { sf, functions } = source;
  const edits: Edit[] = [];
  const statements: StaticStatement[] = [];
  const ranges = new Map<string, SidRange>();

  edits.push({ pos: 0, remove: 0, text: `(function(${RT}){"use strict";` });
  blankStatements(sf, stripped, source.blank, edits);
  for (const fn of functions) {
    const exportKeyword = (ts.getModifiers(fn.declaration) ?? []).find(
      (m) => m.kind === ts.SyntaxKind.ExportKeyword,
    );
    // Blanked rather than wrapped: the function stays a declaration (hoisted, callable by name from
    // the module's other functions, named in stacks) and every column stays where it was.
    if (exportKeyword) {
      const start = exportKeyword.getStart(sf);
      const width = exportKeyword.end - start;
      edits.push({ pos: start, remove: width, text: ' '.repeat(width) });
    }
    const first = statements.length + 1;
    instrumentBody(sf, fn.declaration.body, edits, statements);
    ranges.set(fn.name, { first, last: statements.length });
  }
  // Computed keys, so that no function name (not even `__proto__`) can set the prototype.
  const entries = functions.map((f) => `[${JSON.stringify(f.name)}]:${f.name}`);
  edits.push({
    pos: sf.text.length,
    remove: 0,
    text: `\n;return {__proto__:null${entries.map((e) => ',' + e).join('')}}})`,
  });
  return { edited: new EditedText(stripped, edits), statements, ranges };
}

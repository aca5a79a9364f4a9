import ts from 'typescript';
import type { HandlerSource } from './handler-source.js';
import { blankStatements, instrumentBody, RT, type StaticStatement } from './instrument-body.js';
import { EditedText, type Edit } from './position-map.js';

export type { StaticStatement } from './instrument-body.js';

export type InstrumentedHandler = { edited: EditedText; statements: StaticStatement[] };

/**
 * Turns stripped handler text into a script evaluating to a factory `(recorder) => handler`, with
 * every statement of the handler body instrumented (see `instrumentBody`).
 */
export function instrument(source: HandlerSource, stripped: string): InstrumentedHandler {
  const { sf, handler } = source;
  const edits: Edit[] = [];
  const statements: StaticStatement[] = [];

  edits.push({
    pos: 0,
    remove: 0,
    text: `(function(${RT}){"use strict";let __wt_f;const __wt_h=(f)=>{__wt_f=f};`,
  });
  blankStatements(sf, stripped, source.blank, edits);
  const modifiers = ts.getModifiers(handler) ?? [];
  const exportStart = modifiers[0]?.getStart(sf) ?? handler.getStart(sf);
  const defaultKeyword = modifiers.find((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
  // Passed as an argument rather than assigned, the handler stays anonymous in stack traces.
  edits.push({
    pos: exportStart,
    remove: (defaultKeyword?.end ?? exportStart) - exportStart,
    text: '__wt_h(',
  });
  instrumentBody(sf, handler.body, edits, statements);
  edits.push({ pos: handler.end, remove: 0, text: ');' });
  edits.push({ pos: sf.text.length, remove: 0, text: '\n;return __wt_f})' });
  return { edited: new EditedText(stripped, edits), statements };
}

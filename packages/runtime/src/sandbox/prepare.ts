import { parseHandler } from './handler-source.js';
import { instrument, type StaticStatement } from './instrument.js';
import { instrumentService, type SidRange } from './instrument-service.js';
import type { EditedText } from './position-map.js';
import { parseService } from './service-source.js';
import { FILENAMES, type CodeKind } from './source-file.js';
import { stripTypes } from './strip-types.js';
import type { HandlerError, ServiceFunctionInfo } from './types.js';

/** Handler or service text turned into the script that runs, with what maps back to the text. */
export type PreparedHandler = {
  id: number;
  kind: CodeKind;
  source: string;
  edited: EditedText;
  statements: StaticStatement[];
  /** Service modules: the exported functions, and the sids of each one's body statements. */
  functions?: (ServiceFunctionInfo & SidRange)[];
};

/** Parse, check the shape, strip types, instrument. `id` names the compiled script (`wt-h<id>`). */
export function prepareHandler(code: string, id: number): PreparedHandler | HandlerError {
  const parsed = parseHandler(code);
  if ('code' in parsed) return parsed;
  const stripped = stripTypes(parsed.sf, 'handler');
  if (typeof stripped !== 'string') return stripped;
  const { edited, statements } = instrument(parsed, stripped);
  return { id, kind: 'handler', source: edited.text, edited, statements };
}

/** The same for a service module (service.ts): all exported functions in one script. */
export function prepareService(code: string, id: number): PreparedHandler | HandlerError {
  const parsed = parseService(code);
  if (parsed.error) return parsed.error;
  const stripped = stripTypes(parsed.sf, 'service');
  if (typeof stripped !== 'string') return stripped;
  const { edited, statements, ranges } = instrumentService(parsed, stripped);
  const functions = parsed.functions.map(({ name, params, async, line }) => ({
    name,
    params,
    async,
    line,
    ...(ranges.get(name) ?? { first: 1, last: 0 }),
  }));
  return { id, kind: 'service', source: edited.text, edited, statements, functions };
}

/** How stacks and messages name the file of prepared code. */
export function shownFilename(prepared: PreparedHandler): string {
  return FILENAMES[prepared.kind];
}

const V8_LOCATION = /\s*\[wt-h\d+:(\d+):(\d+)\]$/;

/** A SyntaxError from V8 compiling the prepared script, as a COMPILE_ERROR at the author's position. */
export function compileErrorFromV8(err: unknown, prepared: PreparedHandler): HandlerError {
  const message = err instanceof Error ? err.message : String(err);
  const match = V8_LOCATION.exec(message);
  if (!match) return { code: 'COMPILE_ERROR', message };
  const at = prepared.edited.originalPosition({ line: Number(match[1]), column: Number(match[2]) });
  return {
    code: 'COMPILE_ERROR',
    message: `${message.replace(V8_LOCATION, '')} (line ${at.line})`,
    line: at.line,
    column: at.column,
  };
}

import { parseHandler } from './handler-source.js';
import { instrument, type StaticStatement } from './instrument.js';
import type { EditedText } from './position-map.js';
import { stripTypes } from './strip-types.js';
import type { HandlerError } from './types.js';

/** Handler text turned into the script that runs, with what is needed to map back to the text. */
export type PreparedHandler = {
  id: number;
  source: string;
  edited: EditedText;
  statements: StaticStatement[];
};

/** Parse, check the shape, strip types, instrument. `id` names the compiled script (`wt-h<id>`). */
export function prepareHandler(code: string, id: number): PreparedHandler | HandlerError {
  const parsed = parseHandler(code);
  if ('code' in parsed) return parsed;
  const stripped = stripTypes(parsed.sf);
  if (typeof stripped !== 'string') return stripped;
  const { edited, statements } = instrument(parsed, stripped);
  return { id, source: edited.text, edited, statements };
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

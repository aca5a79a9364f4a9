import ts from 'typescript';
import type { HandlerError } from './types.js';

/** A COMPILE_ERROR pointing at `pos` (an offset in the original handler text), 1-based line/column. */
export function compileError(message: string, sf: ts.SourceFile, pos: number): HandlerError {
  const { line, character } = sf.getLineAndCharacterOfPosition(pos);
  return {
    code: 'COMPILE_ERROR',
    message: `${message} (line ${line + 1})`,
    line: line + 1,
    column: character + 1,
  };
}

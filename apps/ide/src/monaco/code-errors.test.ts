import { describe, expect, it } from 'vitest';
import { codeMarkers, locate } from './code-errors';

describe('locate', () => {
  it('reads the usual ways of naming a position', () => {
    expect(locate('Unexpected token (3:14)')).toEqual({ line: 3, column: 14 });
    expect(locate('line 7: missing }')).toEqual({ line: 7 });
    expect(locate('Error at line 2, column 5')).toEqual({ line: 2, column: 5 });
    expect(locate('handler.ts:4:9 unexpected')).toEqual({ line: 4, column: 9 });
    expect(locate('no position here')).toBeNull();
  });
});

describe('codeMarkers', () => {
  it('keeps only problems of the code, on their line', () => {
    expect(
      codeMarkers([
        { field: 'code', reason: "';' expected (5:3)" },
        { field: 'timing', reason: 'unknown' },
      ]),
    ).toEqual([{ line: 5, column: 3, message: "';' expected (5:3)" }]);
  });
});

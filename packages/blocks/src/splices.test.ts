import { describe, expect, test } from 'vitest';
import { applySplices, diffSplice } from './splices.js';

describe('diffSplice', () => {
  test.each([
    ['a\nb\n', 'a\nx\nb\n'],
    ['line one\nline two\n', 'line one\nline one\nline two\n'],
    ['abc', 'abXbc'],
    ['x\ny\ny\nz', 'x\ny\nz'],
    ['same', 'same'],
    ['', 'new'],
    ['old', ''],
  ])('turns %j into %j', (before, after) => {
    expect(applySplices(before, [diffSplice(before, after)]).code).toBe(after);
  });

  test('slides an added line to the start of a line', () => {
    expect(diffSplice('  a();\n  b();\n', '  a();\n  x();\n  b();\n')).toEqual({
      start: 7,
      end: 7,
      text: '  x();\n',
    });
  });
});

describe('applySplices', () => {
  test('maps offsets around replaced text, and refuses overlaps', () => {
    const { code, mapOffset } = applySplices('0123456789', [
      { start: 2, end: 4, text: 'ab' },
      { start: 6, end: 6, text: 'XYZ' },
    ]);
    expect(code).toBe('01ab45XYZ6789');
    expect([mapOffset(1), mapOffset(2), mapOffset(3), mapOffset(6), mapOffset(9)]).toEqual([
      1,
      2,
      null,
      9,
      12,
    ]);
    expect(() =>
      applySplices('0123', [
        { start: 0, end: 3, text: '' },
        { start: 2, end: 4, text: '' },
      ]),
    ).toThrow();
  });
});

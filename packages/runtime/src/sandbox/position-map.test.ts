import { describe, expect, it } from 'vitest';
import { EditedText, lineStarts, positionAt } from './position-map.js';

describe('edited text positions', () => {
  const original = 'ab\ncdef\ng';

  it('applies insertions and replacements in order, several at one position in the order given', () => {
    const edited = new EditedText(original, [
      { pos: 5, remove: 0, text: '<2>' },
      { pos: 0, remove: 0, text: '[' },
      { pos: 5, remove: 0, text: '<1>' },
      { pos: 3, remove: 2, text: 'XYZ' },
    ]);
    expect(edited.text).toBe('[ab\nXYZ<2><1>ef\ng');
  });

  it('maps positions after, before and inside inserted text back to the original', () => {
    const edited = new EditedText(original, [
      { pos: 0, remove: 0, text: '[' },
      { pos: 3, remove: 2, text: 'XYZ' },
    ]);
    const at = (line: number, column: number) => edited.originalPosition({ line, column });
    expect(at(1, 2)).toEqual({ line: 1, column: 1 }); // 'a'
    expect(at(1, 1)).toEqual({ line: 1, column: 1 }); // inside '[' → where it was inserted
    expect(at(2, 2)).toEqual({ line: 2, column: 1 }); // inside 'XYZ' → the replaced 'cd'
    expect(at(2, 4)).toEqual({ line: 2, column: 3 }); // 'e'
    expect(at(3, 1)).toEqual({ line: 3, column: 1 }); // 'g'
  });

  it('finds 1-based lines and columns', () => {
    const starts = lineStarts(original);
    expect(starts).toEqual([0, 3, 8]);
    expect(positionAt(starts, 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt(starts, 7)).toEqual({ line: 2, column: 5 });
    expect(positionAt(starts, 8)).toEqual({ line: 3, column: 1 });
  });
});

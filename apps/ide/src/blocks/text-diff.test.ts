import { describe, expect, it } from 'vitest';
import { textChange } from './text-diff';

const apply = (before: string, after: string) => {
  const change = textChange(before, after);
  return change ? before.slice(0, change.start) + change.text + before.slice(change.end) : before;
};

describe('textChange', () => {
  it('replaces only what differs', () => {
    expect(textChange("a('one');\nb();\n", "a('two');\nb();\n")).toEqual({
      start: 3,
      end: 6,
      text: 'two',
    });
    expect(textChange('abc', 'abc')).toBeNull();
    expect(textChange('ab', 'abab')).toEqual({ start: 2, end: 2, text: 'ab' });
  });

  it('always gives the new text back, also across CRLF and surrogate pairs', () => {
    const cases: [string, string][] = [
      ['x\r\ny', 'x\ny'],
      ['a😀b', 'a😁b'],
      ['', 'new'],
      ['old', ''],
      ['aaaa', 'aa'],
      ['line\r\n', 'line\r\nmore\r\n'],
    ];
    for (const [before, after] of cases) expect(apply(before, after)).toBe(after);
  });
});

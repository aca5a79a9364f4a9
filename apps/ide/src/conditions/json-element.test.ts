import { describe, expect, it } from 'vitest';
import { jsonElementFromText, jsonElementText } from './json-element';

describe('json "contains" element', () => {
  it('reads a number literal as a number', () => {
    expect(jsonElementFromText('1')).toBe(1);
    expect(jsonElementFromText(' -2.5 ')).toBe(-2.5);
  });

  it('reads a quoted string as the text inside the quotes', () => {
    expect(jsonElementFromText('"1"')).toBe('1');
    expect(jsonElementFromText('"vip"')).toBe('vip');
  });

  it('keeps other text as typed, including numbers that would not print back the same', () => {
    expect(jsonElementFromText('vip')).toBe('vip');
    expect(jsonElementFromText('1.50')).toBe('1.50');
    expect(jsonElementFromText('"a"b"')).toBe('"a"b"');
  });

  it('shows stored values so that reading them back gives the same value', () => {
    for (const value of [1, -2.5, '1', 'vip', '"quoted"', ''])
      expect(jsonElementFromText(jsonElementText(value))).toEqual(value);
    expect(jsonElementText('1')).toBe('"1"');
    expect(jsonElementText(7)).toBe('7');
  });
});

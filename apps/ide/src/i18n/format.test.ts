import { describe, expect, it } from 'vitest';
import { format, translator } from './index';

describe('format', () => {
  it('fills placeholders and leaves unknown ones', () => {
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('picks the singular word for exactly one and the plural otherwise', () => {
    const template = '{total} {total|record|records}';
    expect(format(template, { total: 1 })).toBe('1 record');
    expect(format(template, { total: 0 })).toBe('0 records');
    expect(format(template, { total: 12 })).toBe('12 records');
  });

  it('counts in the English texts', () => {
    const t = translator('en');
    expect(t('data.total', { total: 1 })).toBe('1 record');
    expect(t('records.total', { total: 2 })).toBe('2 runs');
    expect(t('tree.problems', { count: 1 })).toBe('1 element could not be loaded');
  });
});

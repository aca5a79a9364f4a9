import type { Field } from '@whenthen/schema';
import { describe, expect, it } from 'vitest';
import { fromFormValues, isLongText, toFormValues } from './record-values';

const fields: Field[] = [
  { name: 'sales', type: 'number', required: true },
  { name: 'region', type: 'text' },
  { name: 'tags', type: 'json' },
  { name: 'shipped', type: 'boolean' },
];
const words = { required: 'Required', invalidJson: 'Not valid JSON' };

describe('record form values', () => {
  it('sends the filled fields on create, json parsed', () => {
    const values = { ...toFormValues(fields, null), sales: 12.5, tags: '["a"]' };
    expect(fromFormValues(fields, values, null, words)).toEqual({
      ok: true,
      values: { sales: 12.5, tags: ['a'] },
    });
  });

  it('names a missing required field and bad JSON', () => {
    const result = fromFormValues(
      fields,
      { sales: null, region: '', tags: '{oops', shipped: null },
      null,
      words,
    );
    expect(result).toEqual({ ok: false, errors: { sales: 'Required', tags: 'Not valid JSON' } });
  });

  it('sends only changed fields on update, emptied ones as null', () => {
    const stored = { id: 1, sales: 10, region: 'East', tags: ['a'], shipped: true };
    const values = { ...toFormValues(fields, stored), region: null, sales: 10 };
    expect(fromFormValues(fields, values, stored, words)).toEqual({
      ok: true,
      values: { region: null },
    });
  });

  it('uses the server rules for types', () => {
    const result = fromFormValues([{ name: 'n', type: 'integer' }], { n: 1.5 }, null, words);
    expect(result).toEqual({ ok: false, errors: { n: 'expected an integer' } });
  });
});

describe('isLongText', () => {
  const text = (name: string): Field => ({ name, type: 'text' });

  it('edits prose fields and long or multi-line values in a multi-line box', () => {
    expect(isLongText(text('description'), '')).toBe(true);
    expect(isLongText(text('shipNote'), null)).toBe(true);
    expect(isLongText(text('region'), 'x'.repeat(61))).toBe(true);
    expect(isLongText(text('region'), 'two\nlines')).toBe(true);
  });

  it('keeps short values of other fields on one line', () => {
    expect(isLongText(text('region'), 'West')).toBe(false);
    expect(isLongText({ name: 'notes', type: 'json' }, '')).toBe(false);
  });
});

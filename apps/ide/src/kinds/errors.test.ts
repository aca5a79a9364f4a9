import { describe, expect, it } from 'vitest';
import { errorsByKey, formKeyOf } from './errors';

describe('errorsByKey', () => {
  it('puts each problem beside the field it names', () => {
    expect(formKeyOf('definition.filter.and.0.value')).toBe('filter');
    expect(formKeyOf('timing')).toBe('timing');
    expect(formKeyOf('fields[1]')).toBe('fields');
  });

  it('keeps problems of unknown fields, with their path', () => {
    const errors = errorsByKey(
      [
        { field: 'definition.async', reason: 'before timings always run sync' },
        { field: 'retry.attempts', reason: 'too many' },
      ],
      ['async', 'timing'],
    );
    expect(errors).toEqual({
      async: ['before timings always run sync'],
      _: ['retry.attempts: too many'],
    });
  });
});

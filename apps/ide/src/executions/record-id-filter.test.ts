import { describe, expect, it } from 'vitest';
import { recordIdFilter } from './record-id-filter';

describe('recordIdFilter', () => {
  it('takes blank as no filter and digits as a record id', () => {
    expect(recordIdFilter('  ')).toEqual({ invalid: false });
    expect(recordIdFilter(' 42 ')).toEqual({ recordId: '42', invalid: false });
  });

  it('refuses what is not a record id', () => {
    expect(recordIdFilter('abc')).toEqual({ invalid: true });
    expect(recordIdFilter('4.5')).toEqual({ invalid: true });
    expect(recordIdFilter('-3')).toEqual({ invalid: true });
  });
});

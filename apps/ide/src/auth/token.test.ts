import { describe, expect, it } from 'vitest';
import { captureTokenFromHash } from './token';

describe('captureTokenFromHash', () => {
  it('takes the token the server prints and leaves the home route', () => {
    expect(captureTokenFromHash('#token=abc123')).toEqual({ token: 'abc123', rest: '#/' });
  });

  it('keeps a route and other query parameters', () => {
    expect(captureTokenFromHash('#/events/events.NotifyBigOrder?token=t1&tab=code')).toEqual({
      token: 't1',
      rest: '#/events/events.NotifyBigOrder?tab=code',
    });
  });

  it('leaves a hash without a token untouched', () => {
    expect(captureTokenFromHash('#/data/models.Order')).toEqual({
      token: null,
      rest: '#/data/models.Order',
    });
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { WhenThenError } from '../errors.js';
import { event, handler, model, testApp } from '../testing/builders.js';

let close: (() => void) | null = null;
afterEach(() => {
  close?.();
  close = null;
});

describe('a before handler that replaces next instead of changing it', () => {
  it.each([
    ['a number', 'event.next = 5;'],
    ['null', 'event.next = null;'],
    ['an array', "event.next = ['x'];"],
  ])('with %s fails the write naming the event, and nothing is stored', (_what, body) => {
    const t = testApp({
      models: [model('Order', [{ name: 'note', type: 'text' }])],
      events: [event({ name: 'Replace', timing: 'beforeCreate', code: handler(body) })],
    });
    close = t.close;
    let err: unknown;
    try {
      t.runtime.data.create('models.Order', { note: 'kept?' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(WhenThenError);
    expect(err).toMatchObject({
      code: 'EVENT_FAILED',
      message: expect.stringContaining('Event events.Replace replaced next with'),
    });
    expect((err as WhenThenError).executionId).toEqual(expect.any(String));
    expect(t.runtime.data.count('models.Order')).toBe(0);
  });

  it('leaves next as it was when the handler only deletes the key', () => {
    const t = testApp({
      models: [model('Order', [{ name: 'note', type: 'text' }])],
      events: [
        event({ name: 'Drop', timing: 'beforeCreate', code: handler('delete event.next;') }),
      ],
    });
    close = t.close;
    expect(t.runtime.data.create('models.Order', { note: 'kept' }).note).toBe('kept');
  });
});

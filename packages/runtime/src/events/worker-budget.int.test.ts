import { afterEach, describe, expect, it } from 'vitest';
import { event, handler, model, testApp } from '../testing/builders.js';

let close: (() => void) | null = null;
afterEach(() => {
  close?.();
  close = null;
});

const slow = (ms: number) =>
  handler(
    `const t = Date.now();\n  while (Date.now() - t < ${ms}) {}\n  await app.models.Log.create({ note: 'ran ' + event.next.id });`,
  );

describe('the async worker', () => {
  it('gives the event loop back between slow runs, so the server answers and a switch-off applies to the rest', async () => {
    const t = testApp({
      models: [
        model('Order', [{ name: 'sales', type: 'number' }]),
        model('Log', [{ name: 'note', type: 'text' }]),
      ],
      events: [event({ name: 'Slow', timing: 'afterCreate', async: true, code: slow(80) })],
    });
    close = t.close;
    const { runtime } = t;
    const ids = Array.from(
      { length: 8 },
      (_, i) => runtime.data.create('models.Order', { sales: i }).id,
    );
    expect(ids).toHaveLength(8);

    // A request arriving while the jobs run (a timer, like an HTTP request) gets its turn early.
    const ranBeforeTurn = await new Promise<number>((resolve) =>
      setTimeout(() => resolve(runtime.data.count('models.Log')), 1),
    );
    expect(ranBeforeTurn).toBeLessThan(8);

    // The switch, flipped while runs are queued, applies to the runs not yet started.
    runtime.setEnabled('events.Slow', false);
    await runtime.idle();
    const runs = runtime.executions.list({ event: 'events.Slow', limit: 100 }).items;
    const done = runs.filter((r) => r.status === 'success').length;
    const skipped = runs.filter((r) => r.status === 'skipped');
    expect(done).toBe(runtime.data.count('models.Log'));
    expect(done + skipped.length).toBe(8);
    expect(skipped.length).toBeGreaterThan(0);
    expect(new Set(skipped.map((r) => r.skipReason))).toEqual(new Set(['disabled']));
  });
});

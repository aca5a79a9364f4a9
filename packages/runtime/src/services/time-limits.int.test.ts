import type { Field } from '@whenthen/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { failure, handler, model, type ServiceSpec, testApp } from '../testing/builders.js';

const Order = model('Order', [{ name: 'note', type: 'text' }] as Field[]);
const Log = model('Log', [{ name: 'text', type: 'text' }] as Field[]);

const slow: ServiceSpec = {
  name: 'Slow',
  functions: [
    { name: 'spin', params: [{ name: 'ms', type: 'integer' }] },
    {
      name: 'spinDeeper',
      params: [
        { name: 'ms', type: 'integer' },
        { name: 'level', type: 'integer' },
      ],
    },
  ],
  code: `export async function spin(args, app) {
  const t = Date.now();
  while (Date.now() - t < args.ms) {}
  return Date.now() - t;
}
export async function spinDeeper(args, app) {
  const t = Date.now();
  while (Date.now() - t < args.ms) {}
  await app.models.Log.create({ text: 'level ' + args.level });
  return await app.services.Slow.spinDeeper({ ms: args.ms, level: args.level + 1 });
}
`,
};

let close: (() => void) | null = null;
afterEach(() => {
  close?.();
  close = null;
});

describe('time limits along a chain', () => {
  it('a handler’s time limit covers the service it calls: the service gets what is left, not its own 5 s', () => {
    const t = testApp({
      models: [Order, Log],
      services: [slow],
      rawEvents: [
        {
          name: 'CallsSlow',
          definition: {
            kind: 'model',
            model: 'models.Order',
            timing: 'afterCreate',
            timeoutMs: 300,
          },
          code: handler(`await app.services.Slow.spin({ ms: 2000 });`),
        },
      ],
    });
    close = t.close;
    const started = Date.now();
    const err = failure(() => t.runtime.data.create('models.Order', { note: 'x' }));
    expect(Date.now() - started).toBeLessThan(1500);
    expect(err.code).toBe('EVENT_FAILED');
    expect(err.message).toMatch(
      /^Service function services\.Slow\.spin failed \(service\.ts line 3\): service function spin timed out after \d+ ms, what was left of the time limit of events\.CallsSlow \(models\.Order:\d+\), which set it off$/,
    );
    expect(t.runtime.data.count('models.Order')).toBe(0);
  });

  it('a service calling itself stops once its caller’s time is used up, long before the depth limit', () => {
    const t = testApp({
      models: [Order, Log],
      services: [slow],
      rawEvents: [
        {
          name: 'Recurses',
          definition: {
            kind: 'model',
            model: 'models.Order',
            timing: 'afterCreate',
            timeoutMs: 400,
          },
          code: handler(`await app.services.Slow.spinDeeper({ ms: 100, level: 1 });`),
        },
      ],
    });
    close = t.close;
    const started = Date.now();
    const err = failure(() => t.runtime.data.create('models.Order', { note: 'x' }));
    // Without the shared deadline every level had its own 5 s: 16 levels × 100 ms, then DEPTH_LIMIT.
    expect(Date.now() - started).toBeLessThan(1200);
    expect(err.code).toBe('EVENT_FAILED');
    expect(err.message).toContain('what was left of the time limit of services.Slow');
    expect(t.runtime.data.count('models.Log')).toBe(0);
  });

  it('an async run queued by a sync one starts with its own full time limit', async () => {
    const t = testApp({
      models: [Order, Log],
      services: [slow],
      rawEvents: [
        {
          name: 'Quick',
          definition: {
            kind: 'model',
            model: 'models.Order',
            timing: 'afterCreate',
            timeoutMs: 50,
          },
          code: handler(`await app.models.Log.create({ text: 'quick' });`),
        },
        {
          name: 'Later',
          definition: {
            kind: 'model',
            model: 'models.Log',
            timing: 'afterCreate',
            async: true,
            timeoutMs: 2000,
          },
          code: handler(`await app.services.Slow.spin({ ms: 300 });`),
        },
      ],
    });
    close = t.close;
    t.runtime.data.create('models.Order', { note: 'x' });
    await t.runtime.idle();
    const runs = t.runtime.executions.list({ event: 'events.Later' }).items;
    expect(runs.map((r) => r.status)).toEqual(['success']);
  });
});

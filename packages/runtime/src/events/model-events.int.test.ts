import type { Field } from '@whenthen/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { event, failure, handler, model, testApp } from '../testing/builders.js';

const orderFields: Field[] = [
  { name: 'code', type: 'text', unique: true },
  { name: 'sales', type: 'number', required: true },
  { name: 'status', type: 'text' },
  { name: 'note', type: 'text' },
  { name: 'tags', type: 'json' },
];
const Order = model('Order', orderFields);
const Log = model('Log', [
  { name: 'event', type: 'text' },
  { name: 'recordId', type: 'integer' },
  { name: 'data', type: 'json' },
]);

let close: (() => void) | null = null;
afterEach(() => {
  close?.();
  close = null;
});

function setup(
  events: Parameters<typeof testApp>[0]['events'],
  extra: Partial<Parameters<typeof testApp>[0]> = {},
) {
  const t = testApp({ models: [Order, Log], events, ...extra });
  close = t.close;
  return t;
}

describe('before handlers', () => {
  it('run in order, each seeing the next left by the one before', () => {
    const { runtime } = setup([
      event({
        name: 'Second',
        timing: 'beforeCreate',
        order: 20,
        code: handler(`event.next.note = event.next.note + '-second';`),
      }),
      event({
        name: 'First',
        timing: 'beforeCreate',
        order: 10,
        code: handler(`event.next.note = 'first'; event.next.sales = event.next.sales * 2;`),
      }),
    ]);
    const row = runtime.data.create('models.Order', { sales: 5 });
    expect(row).toMatchObject({ note: 'first-second', sales: 10 });
    expect(runtime.data.get('models.Order', row.id)).toMatchObject({
      note: 'first-second',
      sales: 10,
    });
  });

  it('may not turn a field into NaN or Infinity, which JSON would quietly store as null', () => {
    const { runtime } = setup([
      event({
        name: 'Ratio',
        timing: 'beforeCreate',
        code: handler(`event.next.sales = event.next.sales / 0 - Infinity;`),
      }),
      event({
        name: 'Copy',
        timing: 'afterUpdate',
        code: handler(
          `await app.models.Log.create({ event: 'copy', data: { ratio: event.next.sales / 0 } });`,
        ),
      }),
    ]);
    const refused = failure(() => runtime.data.create('models.Order', { sales: 5 }));
    expect(refused.code).toBe('EVENT_FAILED');
    expect(refused.message).toContain('event.next.sales to NaN');
    expect(runtime.data.count('models.Order')).toBe(0);

    runtime.setEnabled('events.Ratio', false);
    const row = runtime.data.create('models.Order', { sales: 5 });
    const called = failure(() => runtime.data.update('models.Order', row.id, { status: 'x' }));
    expect(called.message).toContain('"ratio" is Infinity, which JSON cannot hold');
    expect(runtime.data.count('models.Log')).toBe(0);
  });

  it('of a create are recorded against the record the create made', () => {
    const { runtime } = setup([
      event({ name: 'Fill', timing: 'beforeCreate', code: handler(`event.next.note = 'filled';`) }),
    ]);
    const row = runtime.data.create('models.Order', { sales: 5 });
    const [run] = runtime.executions.list({ event: 'events.Fill' }).items;
    expect(run).toMatchObject({
      status: 'success',
      recordId: row.id,
      trigger: { op: 'create', recordId: row.id },
    });
    expect(runtime.executions.list({ recordId: row.id }).total).toBe(1);
  });

  it('may not hand a function to app.* (JSON would quietly leave it out)', () => {
    const { runtime } = setup([
      event({
        name: 'Fn',
        timing: 'afterCreate',
        code: handler(`await app.models.Log.create({ event: 'fn', data: { compute: () => 1 } });`),
      }),
    ]);
    const refused = failure(() => runtime.data.create('models.Order', { sales: 5 }));
    expect(refused.message).toContain('"compute" is a function, which JSON cannot hold');
    expect(runtime.data.count('models.Log')).toBe(0);
  });

  it('answer for a required field they emptied; a field the client left out stays the client’s', () => {
    const { runtime } = setup([
      event({
        name: 'Blank',
        timing: 'beforeCreate',
        code: handler(`if (event.next.note === 'blank') event.next.sales = null;`),
      }),
    ]);
    const theirs = failure(() => runtime.data.create('models.Order', { sales: 5, note: 'blank' }));
    expect(theirs.code).toBe('EVENT_FAILED');
    expect(theirs.message).toBe('events.Blank left an invalid next: sales is required');
    expect(runtime.executions.get(theirs.executionId!)).toMatchObject({
      event: 'events.Blank',
      rolledBack: true,
    });
    const yours = failure(() => runtime.data.create('models.Order', { note: 'x' }));
    expect(yours).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'sales', reason: 'is required' }],
    });
    expect(runtime.data.count('models.Order')).toBe(0);
  });

  it('check their filter against the current next', () => {
    const { runtime } = setup([
      event({
        name: 'Raise',
        timing: 'beforeCreate',
        order: 1,
        code: handler(`event.next.sales = 5000;`),
      }),
      event({
        name: 'Flag',
        timing: 'beforeCreate',
        order: 2,
        filter: { field: 'sales', op: 'gt', value: 1000 },
        code: handler(`event.next.status = 'big';`),
      }),
    ]);
    expect(runtime.data.create('models.Order', { sales: 1 }).status).toBe('big');
  });

  it('refuse the write by throwing, naming the event and the execution', () => {
    const { runtime } = setup([
      event({
        name: 'Refuse',
        timing: 'beforeCreate',
        code: handler(`if (event.next.sales < 0) throw new Error('sales must not be negative');`),
      }),
    ]);
    const err = failure(() => runtime.data.create('models.Order', { sales: -1 }));
    expect(err.code).toBe('EVENT_FAILED');
    expect(err.message).toContain('events.Refuse');
    expect(err.message).toContain('sales must not be negative');
    expect(runtime.data.query('models.Order').total).toBe(0);
    const run = runtime.executions.get(err.executionId!)!;
    expect(run).toMatchObject({ status: 'failed', rolledBack: true, event: 'events.Refuse' });
  });

  it('cannot give next a wrong type or change its id', () => {
    const { runtime } = setup([
      event({ name: 'Bad', timing: 'beforeUpdate', code: handler(`event.next.sales = 'lots';`) }),
    ]);
    const row = runtime.data.create('models.Order', { sales: 1 });
    const err = failure(() => runtime.data.update('models.Order', row.id, { note: 'x' }));
    expect(err.code).toBe('EVENT_FAILED');
    expect(err.message).toMatch(/sales/);
    expect(runtime.data.get('models.Order', row.id)!.note).toBeNull();
  });
});

describe('after handlers', () => {
  const audit = handler(
    `await app.models.Log.create({ event: event.timing, recordId: event.next ? event.next.id : event.prev.id, data: { prev: event.prev, next: event.next, changed: event.changed, batch: event.batch } });`,
  );

  it('count the records of a model that match a condition, the new one included', () => {
    const { runtime } = setup([
      event({
        name: 'Count',
        timing: 'afterCreate',
        code: handler(
          `const big = await app.models.Order.count({ field: 'sales', op: 'gt', value: 10 }); const all = await app.models.Order.count(); await app.models.Log.create({ event: 'count', data: { big, all } });`,
        ),
      }),
    ]);
    for (const sales of [5, 50, 500]) runtime.data.create('models.Order', { sales });
    const logs = runtime.data
      .query('models.Log', undefined, { orderBy: 'id' })
      .items.map((l) => l.data);
    expect(logs).toEqual([
      { big: 0, all: 1 },
      { big: 1, all: 2 },
      { big: 2, all: 3 },
    ]);
  });

  it('see the stored row and the committed prev on a single update', () => {
    const { runtime } = setup([
      event({ name: 'Fill', timing: 'beforeUpdate', code: handler(`event.next.note = 'filled';`) }),
      event({ name: 'Audit', timing: 'afterUpdate', code: audit }),
    ]);
    const row = runtime.data.create('models.Order', { sales: 5, status: 'new' });
    runtime.data.update('models.Order', row.id, { status: 'paid' });
    const [log] = runtime.data.query('models.Log').items;
    const data = log!.data as Record<string, any>;
    expect(data.prev).toMatchObject({ id: row.id, status: 'new', note: null, sales: 5 });
    expect(data.next).toMatchObject({ id: row.id, status: 'paid', note: 'filled', sales: 5 });
    expect(data.changed).toEqual(['status', 'note']);
    expect(data.batch).toBeNull();
  });

  it('run per record on bulk writes, each with its batch and its own prev', () => {
    const { runtime } = setup([event({ name: 'Audit', timing: 'afterUpdate', code: audit })]);
    const a = runtime.data.create('models.Order', { sales: 1, status: 'new' });
    const b = runtime.data.create('models.Order', { sales: 2, status: 'old' });
    runtime.data.create('models.Order', { sales: 3000, status: 'new' });
    const result = runtime.data.updateMany(
      'models.Order',
      { field: 'sales', op: 'lt', value: 100 },
      { status: 'done' },
    );
    expect(result).toEqual({ count: 2, ids: [a.id, b.id] });
    const logs = runtime.data
      .query('models.Log', undefined, { orderBy: 'id' })
      .items.map((l) => l.data as Record<string, any>);
    expect(logs.map((l) => [l.prev.status, l.next.status, l.batch])).toEqual([
      ['new', 'done', { index: 0, count: 2, ids: [a.id, b.id] }],
      ['old', 'done', { index: 1, count: 2, ids: [a.id, b.id] }],
    ]);
  });

  it('see prev and a null next on deletes, also in bulk', () => {
    const { runtime } = setup([event({ name: 'Audit', timing: 'afterDelete', code: audit })]);
    const a = runtime.data.create('models.Order', { sales: 1 });
    runtime.data.create('models.Order', { sales: 2 });
    runtime.data.delete('models.Order', a.id);
    runtime.data.deleteMany('models.Order', { field: 'sales', op: 'eq', value: 2 });
    const logs = runtime.data.query('models.Log').items.map((l) => l.data as Record<string, any>);
    expect(logs.map((l) => [l.prev.sales, l.next, l.batch?.count ?? null])).toEqual([
      [1, null, null],
      [2, null, 1],
    ]);
    expect(runtime.data.query('models.Order').total).toBe(0);
  });

  it('do not run when the write itself fails (unique constraint)', () => {
    const { runtime } = setup([event({ name: 'Audit', timing: 'afterCreate', code: audit })]);
    runtime.data.create('models.Order', { sales: 1, code: 'A' });
    const err = failure(() => runtime.data.create('models.Order', { sales: 2, code: 'A' }));
    expect(err.code).toBe('UNIQUE_VIOLATION');
    expect(runtime.data.query('models.Log').total).toBe(1);
    expect(runtime.executions.list({ event: 'events.Audit' }).total).toBe(1);
  });
});

describe('a sync failure', () => {
  it('rolls back the write, nested writes and other handlers’ writes, and keeps the failed record', () => {
    const { runtime } = setup([
      event({
        name: 'WriteLog',
        timing: 'afterCreate',
        order: 1,
        code: handler(`await app.models.Log.create({ event: 'first', recordId: event.next.id });`),
      }),
      event({
        name: 'Nested',
        timing: 'afterCreate',
        order: 2,
        code: handler(`await app.models.Order.update(event.next.id, { note: 'nested' });`),
      }),
      event({
        name: 'Boom',
        timing: 'afterCreate',
        order: 3,
        code: handler(`const x = 1;\nthrow new Error('boom');`),
      }),
    ]);
    const err = failure(() => runtime.data.create('models.Order', { sales: 5 }));
    expect(err.code).toBe('EVENT_FAILED');
    expect(err.message).toContain('events.Boom');
    expect(runtime.data.query('models.Order').total).toBe(0);
    expect(runtime.data.query('models.Log').total).toBe(0);
    const runs = runtime.executions.list({}).items;
    expect(runs.map((r) => [r.event, r.status, r.rolledBack]).sort()).toEqual([
      ['events.Boom', 'failed', true],
      ['events.Nested', 'success', true],
      ['events.WriteLog', 'success', true],
    ]);
    const boom = runtime.executions.detail(err.executionId!)!;
    expect(boom.error).toMatchObject({ message: 'boom', line: 3 });
    expect(boom.steps.find((s) => s.status === 'failed')?.line).toBe(3);
  });

  it('queues no async run for a write that rolled back', () => {
    const { runtime } = setup(
      [
        event({
          name: 'Later',
          timing: 'afterCreate',
          async: true,
          code: handler(`await app.models.Log.create({ event: 'later' });`),
        }),
        event({
          name: 'Boom',
          timing: 'afterCreate',
          order: 200,
          code: handler(`throw new Error('no');`),
        }),
      ],
      { worker: false },
    );
    failure(() => runtime.data.create('models.Order', { sales: 5 }));
    expect(runtime.outbox.nextDue()).toBeNull();
    expect(runtime.executions.list({ event: 'events.Later' }).total).toBe(0);
  });

  it('caught by the handler leaves the rest of the write in place', () => {
    const { runtime } = setup([
      event({
        name: 'Refuse',
        model: 'Log',
        timing: 'beforeCreate',
        code: handler(`throw new Error('logs are closed');`),
      }),
      event({
        name: 'TryLog',
        timing: 'afterCreate',
        code: handler(
          `try { await app.models.Log.create({ event: 'x' }); } catch (e) { await app.models.Order.update(event.next.id, { note: e.code }); }`,
        ),
      }),
    ]);
    const row = runtime.data.create('models.Order', { sales: 1 });
    expect(runtime.data.get('models.Order', row.id)!.note).toBe('EVENT_FAILED');
    const refused = runtime.executions.list({ event: 'events.Refuse' }).items[0]!;
    expect(refused).toMatchObject({ status: 'failed', rolledBack: true });
  });
});

describe('fields and filters', () => {
  it('update events fire only when a watched field really changed', () => {
    const { runtime } = setup([
      event({
        name: 'OnSales',
        timing: 'afterUpdate',
        fields: ['sales', 'tags'],
        code: handler(`await app.models.Log.create({ event: 'sales' });`),
      }),
    ]);
    const row = runtime.data.create('models.Order', { sales: 1, tags: ['a', 'b'] });
    runtime.data.update('models.Order', row.id, { status: 'x' });
    runtime.data.update('models.Order', row.id, { sales: 1, tags: ['a', 'b'] });
    expect(runtime.data.query('models.Log').total).toBe(0);
    runtime.data.update('models.Order', row.id, { tags: ['b', 'a'] });
    runtime.data.update('models.Order', row.id, { sales: 2 });
    expect(runtime.data.query('models.Log').total).toBe(2);
  });

  it('"becomesMatching" fires only on the transition into the filter', () => {
    const { runtime } = setup([
      event({
        name: 'BecameBig',
        timing: 'afterWrite',
        filter: { field: 'sales', op: 'gt', value: 100 },
        filterMode: 'becomesMatching',
        code: handler(`await app.models.Log.create({ event: 'big', recordId: event.next.id });`),
      }),
    ]);
    const row = runtime.data.create('models.Order', { sales: 1 });
    runtime.data.update('models.Order', row.id, { sales: 500 });
    runtime.data.update('models.Order', row.id, { sales: 600 });
    runtime.data.update('models.Order', row.id, { sales: 5 });
    runtime.data.update('models.Order', row.id, { sales: 700 });
    runtime.data.create('models.Order', { sales: 900 });
    expect(runtime.data.query('models.Log').total).toBe(3);
  });
});

describe('the enable switch', () => {
  it('takes effect at once', () => {
    const { runtime } = setup([
      event({
        name: 'Count',
        timing: 'afterCreate',
        code: handler(`await app.models.Log.create({ event: 'c' });`),
      }),
    ]);
    runtime.data.create('models.Order', { sales: 1 });
    runtime.setEnabled('events.Count', false);
    runtime.data.create('models.Order', { sales: 1 });
    runtime.setEnabled('events.Count', true);
    runtime.data.create('models.Order', { sales: 1 });
    expect(runtime.data.query('models.Log').total).toBe(2);
  });
});

describe('cascades', () => {
  it('skip re-entry of an event for the same record along its chain, and record it', () => {
    const { runtime } = setup([
      event({
        name: 'Touch',
        timing: 'afterUpdate',
        code: handler(
          `await app.models.Order.update(event.next.id, { note: String(Number(event.next.note ?? 0) + 1) });`,
        ),
      }),
    ]);
    const row = runtime.data.create('models.Order', { sales: 1 });
    runtime.data.update('models.Order', row.id, { status: 'go' });
    expect(runtime.data.get('models.Order', row.id)!.note).toBe('1');
    const runs = runtime.executions.list({ event: 'events.Touch' }).items;
    expect(runs.map((r) => [r.status, r.skipReason, r.depth])).toEqual([
      ['skipped', 'reentry', 2],
      ['success', null, 1],
    ]);
    expect(runs[0]!.parentId).toBe(runs[1]!.id);
    expect(runs[0]!.requestId).toBe(runs[1]!.requestId);
  });

  it('fail with DEPTH_LIMIT past the limit, showing the chain, and write nothing', () => {
    const { runtime } = setup(
      [
        event({
          name: 'Spawn',
          timing: 'afterCreate',
          code: handler(`await app.models.Order.create({ sales: event.next.sales + 1 });`),
        }),
      ],
      { maxDepth: 4 },
    );
    const err = failure(() => runtime.data.create('models.Order', { sales: 1 }));
    expect(err.code).toBe('DEPTH_LIMIT');
    expect(err.message).toContain('Depth limit 4');
    expect(err.message.split('→').length).toBe(5);
    expect(runtime.data.query('models.Order').total).toBe(0);
    const runs = runtime.executions.list({ event: 'events.Spawn' }).items;
    expect(runs).toHaveLength(5);
    expect(runs.every((r) => r.rolledBack)).toBe(true);
  });
});

describe('async events', () => {
  it('run after commit with the stored row, and record success', async () => {
    const { runtime } = setup([
      event({
        name: 'Later',
        timing: 'afterCreate',
        async: true,
        code: handler(
          `await app.models.Log.create({ event: 'later', recordId: event.next.id, data: { id: event.id } });`,
        ),
      }),
    ]);
    const row = runtime.data.create('models.Order', { sales: 5 });
    expect(runtime.data.query('models.Log').total).toBe(0);
    expect(runtime.executions.list({ status: 'queued' }).total).toBe(1);
    await runtime.idle();
    const [log] = runtime.data.query('models.Log').items;
    expect(log).toMatchObject({ recordId: row.id });
    const [run] = runtime.executions.list({ event: 'events.Later' }).items;
    expect(run).toMatchObject({ status: 'success', mode: 'async', attempt: 1 });
    expect((log!.data as { id: string }).id).toBe(run!.occurrenceId);
  });

  it('retry per the event and keep the same occurrence id', async () => {
    const { runtime } = setup([
      event({
        name: 'Flaky',
        timing: 'afterCreate',
        async: true,
        retry: { attempts: 3, backoffMs: 40 },
        code: handler(
          `const order = await app.models.Order.get(event.next.id);\nawait app.models.Log.create({ event: 'try' });\nif (order.status !== 'ready') throw new Error('not ready');`,
        ),
      }),
    ]);
    const row = runtime.data.create('models.Order', { sales: 5, status: 'new' });
    await runtime.idle();
    // The first attempt failed; the retry waits its backoff. Make the order ready meanwhile.
    expect(
      runtime.executions.list({ event: 'events.Flaky' }).items.map((r) => [r.attempt, r.status]),
    ).toEqual([
      [2, 'queued'],
      [1, 'failed'],
    ]);
    runtime.data.update('models.Order', row.id, { status: 'ready' });
    await new Promise((r) => setTimeout(r, 60));
    await runtime.idle();
    const runs = runtime.executions.list({ event: 'events.Flaky' }).items.reverse();
    expect(runs.map((r) => [r.attempt, r.status])).toEqual([
      [1, 'failed'],
      [2, 'success'],
    ]);
    expect(new Set(runs.map((r) => r.occurrenceId)).size).toBe(1);
    // The failed attempt's write was rolled back; the successful one's stayed.
    expect(runtime.data.count('models.Log', { field: 'event', op: 'eq', value: 'try' })).toBe(1);
  });

  it('are recorded as skipped when the event is switched off before they run', async () => {
    const { runtime } = setup([
      event({
        name: 'Later',
        timing: 'afterCreate',
        async: true,
        code: handler(`await app.models.Log.create({ event: 'x' });`),
      }),
    ]);
    runtime.data.create('models.Order', { sales: 5 });
    runtime.setEnabled('events.Later', false);
    await runtime.idle();
    expect(runtime.data.query('models.Log').total).toBe(0);
    expect(runtime.executions.list({ event: 'events.Later' }).items[0]).toMatchObject({
      status: 'skipped',
      skipReason: 'disabled',
    });
  });

  it('survive a crash: a job committed but never run runs when the application opens again', async () => {
    const t = testApp({
      models: [Order, Log],
      events: [
        event({
          name: 'Later',
          timing: 'afterCreate',
          async: true,
          code: handler(`await app.models.Log.create({ event: 'x' });`),
        }),
      ],
      worker: false,
    });
    close = t.close;
    t.runtime.data.create('models.Order', { sales: 5 });
    // The process stops before its worker ran the job (a run that had started but not committed
    // leaves the job queued in the same way: the job leaves the outbox only with the run's writes).
    t.runtime.close();
    const { Runtime } = await import('../runtime.js');
    const again = new Runtime({ dir: t.dir });
    close = () => {
      again.close();
      t.close();
    };
    await again.idle();
    const runs = again.executions.list({ event: 'events.Later' }).items;
    expect(runs.map((r) => [r.attempt, r.status])).toEqual([[1, 'success']]);
    expect(again.data.query('models.Log').total).toBe(1);
  });
});

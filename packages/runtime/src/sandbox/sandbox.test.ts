import { afterAll, describe, expect, it } from 'vitest';
import { createSandbox } from './index.js';
import { handler, hostError, recordingBridge, run } from './sandbox.harness.js';

const sandbox = createSandbox({ models: ['Order', 'Customer'] });
afterAll(() => sandbox.dispose());

describe('sandbox runs', () => {
  it('returns the handler result and the payload as the handler left it', () => {
    const code = handler(
      `  event.next.total = event.next.total * 2;\n  event.seen = true;\n  return { doubled: event.next.total };`,
    );
    const result = run(sandbox, code, { payload: { next: { total: 21 } } });
    expect(result).toMatchObject({
      ok: true,
      output: { doubled: 42 },
      payload: { next: { total: 42 }, seen: true },
    });
  });

  it('strips types keeping positions, and lets top-level helpers run', () => {
    const code = [
      'type Order = { total: number };',
      'const rate: number = 0.5;',
      'function half(o: Order): number { return o.total * rate; }',
      'export default async function (event: { next: Order }, app: unknown): Promise<number> {',
      '  const value: number = half(event.next as Order);',
      '  return value!;',
      '}',
    ].join('\n');
    expect(run(sandbox, code, { payload: { next: { total: 10 } } })).toMatchObject({
      ok: true,
      output: 5,
    });
  });

  it('passes app.* calls with their arguments to the bridge and hands back the results', () => {
    const { bridge, calls } = recordingBridge({
      'models.Order.create': ([values]) => ({ id: 7, ...(values as object) }),
      'services.Billing.charge': () => ({ charged: 12.5 }),
    });
    const code = handler(
      [
        '  const order = await app.models.Order.create({ total: 12.5 });',
        '  const bill = await app.services.Billing.charge({ orderId: order.id });',
        '  await app.event.publish("Shop", { orderId: order.id });',
        '  await app.notify({ to: "ops", title: "New order", body: String(order.id) });',
        '  const found = await app.models.Customer.query({ vip: true }, { limit: 2 });',
        '  return [order, bill, found];',
      ].join('\n'),
    );
    const result = run(sandbox, code, { bridge });
    expect(result).toMatchObject({
      ok: true,
      output: [{ id: 7, total: 12.5 }, { charged: 12.5 }, { ok: true }],
    });
    expect(calls).toEqual([
      { path: 'models.Order.create', args: [{ total: 12.5 }] },
      { path: 'services.Billing.charge', args: [{ orderId: 7 }] },
      { path: 'event.publish', args: ['Shop', { orderId: 7 }] },
      { path: 'notify', args: [{ to: 'ops', title: 'New order', body: '7' }] },
      { path: 'models.Customer.query', args: [{ vip: true }, { limit: 2 }] },
    ]);
  });

  it('lets the handler catch a bridge error with its message and code', () => {
    const { bridge } = recordingBridge({
      'models.Order.create': () => {
        throw hostError('Order with number 5 already exists', 'UNIQUE_VIOLATION');
      },
    });
    const code = handler(
      `  try {\n    await app.models.Order.create({ number: 5 });\n  } catch (err: any) {\n    return { caught: err.message, code: err.code, isError: err instanceof Error };\n  }`,
    );
    expect(run(sandbox, code, { bridge })).toMatchObject({
      ok: true,
      output: {
        caught: 'Order with number 5 already exists',
        code: 'UNIQUE_VIOLATION',
        isError: true,
      },
    });
  });

  it('fails the run with the bridge error message and code when the handler does not catch it', () => {
    const { bridge } = recordingBridge({
      'models.Order.update': () => {
        throw hostError('Event CheckStock failed: out of stock', 'EVENT_FAILED');
      },
    });
    const code = handler(
      `  const before = 1;\n  await app.models.Order.update(3, { qty: 2 });\n  return before;`,
    );
    const result = run(sandbox, code, { bridge, payload: { id: 3 } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({
      code: 'EVENT_FAILED',
      message: 'Event CheckStock failed: out of stock',
      line: 3,
    });
    expect(result.error.stack).toContain('handler.ts:3:');
    expect(result.payload).toEqual({ id: 3 });
  });

  it('reports a plain throw as HANDLER_ERROR at the author’s line and column, even with a code property', () => {
    const code = handler(
      `  const total: number = event.total;\n  if (total > 10) {\n    throw Object.assign(new Error('too big: ' + total), { code: 'TIMEOUT' });\n  }`,
    );
    const result = run(sandbox, code, { payload: { total: 11 } });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'HANDLER_ERROR', message: 'too big: 11', line: 4, column: 25 },
    });
    if (result.ok) return;
    expect(result.error.stack?.split('\n')).toEqual([
      'Error: too big: 11',
      '    at handler.ts:4:25',
    ]);
  });

  it('reports thrown non-errors and runtime TypeErrors', () => {
    expect(run(sandbox, handler(`  throw 'plain string';`))).toMatchObject({
      ok: false,
      error: { code: 'HANDLER_ERROR', message: 'plain string', line: 2 },
    });
    const typeError = run(sandbox, handler(`  const order: any = null;\n  return order.total;`));
    expect(typeError).toMatchObject({
      ok: false,
      error: { code: 'HANDLER_ERROR', line: 3, column: 16 },
    });
    if (!typeError.ok) expect(typeError.error.message).toMatch(/Cannot read properties of null/);
  });

  it('rejects arguments and results that are not JSON', () => {
    const badArgs = run(sandbox, handler(`  await app.models.Order.create({ n: 10n });`));
    expect(badArgs).toMatchObject({ ok: false, error: { code: 'HANDLER_ERROR' } });
    if (!badArgs.ok)
      expect(badArgs.error.message).toMatch(
        /app\.models\.Order\.create: arguments must be JSON-serializable/,
      );
    const badResult = run(
      sandbox,
      handler(`  const loop: any = {};\n  loop.self = loop;\n  return loop;`),
    );
    expect(badResult).toMatchObject({ ok: false });
    if (!badResult.ok)
      expect(badResult.error.message).toMatch(/returned a value that is not JSON-serializable/);
  });

  it('gives handler code no process, require, fetch or timers, not even through Function', () => {
    const code = handler(
      [
        '  const seen = [typeof process, typeof require, typeof fetch, typeof setTimeout, typeof setInterval];',
        '  return [...seen, new Function("return typeof process + typeof require")()];',
      ].join('\n'),
    );
    expect(run(sandbox, code)).toMatchObject({
      ok: true,
      output: [...Array(5).fill('undefined'), 'undefinedundefined'],
    });
    const escape = run(
      sandbox,
      handler(`  return (globalThis as any).constructor.constructor('return process')();`),
    );
    expect(escape).toMatchObject({
      ok: false,
      error: { code: 'HANDLER_ERROR', message: 'process is not defined' },
    });
  });

  it('builds app from proxies: any model or service name, awaitable, listable models', () => {
    const { bridge, calls } = recordingBridge();
    const code = handler(
      [
        '  const models = await app.models;',
        '  await app.services.Anything.whatever(1, 2);',
        '  return { keys: Object.keys(models), then: typeof app.models.then, create: typeof app.models.Invoice.create, nope: typeof app.models.Invoice.nope };',
      ].join('\n'),
    );
    expect(run(sandbox, code, { bridge })).toMatchObject({
      ok: true,
      output: {
        keys: ['Order', 'Customer'],
        then: 'undefined',
        create: 'function',
        nope: 'undefined',
      },
    });
    expect(calls).toEqual([{ path: 'services.Anything.whatever', args: [1, 2] }]);
  });

  it('sends app.log and console.log lines to the bridge as one formatted line', () => {
    const { bridge, calls } = recordingBridge();
    const code = handler(
      `  app.log('total', 3, { a: [1] }, null, undefined);\n  console.log('via console', new Error('oops'));`,
    );
    expect(run(sandbox, code, { bridge })).toMatchObject({ ok: true });
    expect(calls).toEqual([
      { path: 'log', args: ['total 3 {"a":[1]} null undefined'] },
      { path: 'log', args: ['via console Error: oops'] },
    ]);
  });

  it('fails the run when top-level code of the handler file throws', () => {
    const code = `const config = JSON.parse('{');\n${handler('  return config;')}`;
    expect(sandbox.check(code)).toBeNull();
    expect(run(sandbox, code)).toMatchObject({
      ok: false,
      error: { code: 'HANDLER_ERROR', line: 1, column: 21 },
      steps: [],
    });
  });

  it('runs compiled code again for a new payload without leaking top-level state between runs', () => {
    const code = `let count = 0;\nexport default async function (event: any) {\n  count += event.add;\n  return count;\n}\n`;
    expect(run(sandbox, code, { payload: { add: 2 } })).toMatchObject({ ok: true, output: 2 });
    expect(run(sandbox, code, { payload: { add: 3 } })).toMatchObject({ ok: true, output: 3 });
  });
});

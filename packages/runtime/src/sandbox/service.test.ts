import { afterAll, describe, expect, it } from 'vitest';
import { createSandbox } from './index.js';
import {
  handler,
  hostError,
  outline,
  recordingBridge,
  run,
  runService,
} from './sandbox.harness.js';

const sandbox = createSandbox({ models: ['Order'] });
afterAll(() => sandbox.dispose());

/** service.ts of a Billing service: three exported functions and two helpers. */
const BILLING = [
  "import type { Order } from './types';", // 1
  'type Args = { orderId: number; amount: number };',
  'const RATE = 0.2;',
  '',
  'function withTax(amount: number): number {', // 5
  "  if (amount < 0) throw new Error('negative amount: ' + amount);",
  '  return Math.round(amount * (1 + RATE) * 100) / 100;',
  '}',
  '',
  'export async function charge(args: Args, app: any): Promise<{ charged: number }> {', // 10
  '  const total = withTax(args.amount);',
  '  const order: Order = await app.models.Order.update(args.orderId, { total });',
  "  await app.event.publish('services.Billing.paid', { orderId: order.id, total });",
  '  return { charged: total };',
  '}', // 15
  '',
  'export function refund(args: Args, app: any) {',
  "  app.log('refund', args.orderId);",
  '  args.amount = -args.amount;',
  '  return { refunded: withTax(-args.amount), note: note(args) };', // 20
  '}',
  '',
  'export async function chargeTwice(args: Args, app: any) {',
  '  const first = await charge(args, app);',
  '  const again = await app.services.Billing.charge(args);', // 25
  '  return [first, again];',
  '}',
  'const note = (a: Args) => `order ${a.orderId}`;',
  '',
].join('\n');

const orders = () =>
  recordingBridge({
    'models.Order.update': ([id, patch]) => ({ id, ...(patch as object) }),
    'services.Billing.charge': () => ({ charged: 'via bridge' }),
  });

describe('service functions', () => {
  it('calls the named function with (args, app) and records the steps of its body at the author’s lines', () => {
    const { bridge, calls } = orders();
    const result = runService(sandbox, BILLING, 'charge', { orderId: 7, amount: 10 }, { bridge });
    expect(result).toMatchObject({ ok: true, output: { charged: 12 }, truncated: false });
    expect(calls).toEqual([
      { path: 'models.Order.update', args: [7, { total: 12 }] },
      { path: 'event.publish', args: ['services.Billing.paid', { orderId: 7, total: 12 }] },
    ]);
    expect(outline(result.steps)).toEqual([
      '11 success const total = withTax(args.amount);',
      '12 success const order: Order = await app.models.Order.update(args.orderId, { total });',
      "13 success await app.event.publish('services.Billing.paid', { orderId: order.id, total });",
      '14 success return { charged: total };',
    ]);
    expect(result.steps[2]?.calls).toEqual([
      {
        path: 'event.publish',
        args: ['services.Billing.paid', { orderId: 7, total: 12 }],
        result: { ok: true },
      },
    ]);
  });

  it('awaits the result of a function that is not async, and returns the arguments as it left them', () => {
    const { bridge, calls } = orders();
    const result = runService(sandbox, BILLING, 'refund', { orderId: 3, amount: 5 }, { bridge });
    expect(result).toMatchObject({
      ok: true,
      output: { refunded: 6, note: 'order 3' },
      payload: { orderId: 3, amount: -5 },
    });
    expect(calls).toEqual([{ path: 'log', args: ['refund 3'] }]);
    expect(outline(result.steps)).toEqual([
      "18 success app.log('refund', args.orderId);",
      '  18 success log refund 3',
      '19 success args.amount = -args.amount;',
      '20 success return { refunded: withTax(-args.amount), note: note(args) };',
    ]);
  });

  it('records only the called function’s statements when it calls another exported one directly', () => {
    const { bridge, calls } = orders();
    const result = runService(
      sandbox,
      BILLING,
      'chargeTwice',
      { orderId: 1, amount: 1 },
      { bridge },
    );
    expect(result).toMatchObject({
      ok: true,
      output: [{ charged: 1.2 }, { charged: 'via bridge' }],
    });
    expect(calls.map((c) => c.path)).toEqual([
      'models.Order.update',
      'event.publish',
      'services.Billing.charge',
    ]);
    expect(calls[2]?.args).toEqual([{ orderId: 1, amount: 1 }]);
    expect(outline(result.steps)).toEqual([
      '24 success const first = await charge(args, app);',
      '25 success const again = await app.services.Billing.charge(args);',
      '26 success return [first, again];',
    ]);
    // The direct call's app.* calls belong to the statement that made it.
    expect(result.steps[0]?.calls?.map((c) => c.path)).toEqual([
      'models.Order.update',
      'event.publish',
    ]);
  });

  it('reports an error thrown in a helper at the helper’s line in service.ts, on the calling step', () => {
    const result = runService(sandbox, BILLING, 'charge', { orderId: 7, amount: -5 });
    const line6 = BILLING.split('\n')[5] ?? '';
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'HANDLER_ERROR',
        message: 'negative amount: -5',
        line: 6,
        column: line6.indexOf('new Error') + 1,
      },
      payload: { orderId: 7, amount: -5 },
    });
    if (result.ok) return;
    expect(result.error.stack?.split('\n')).toEqual([
      'Error: negative amount: -5',
      `    at withTax (service.ts:6:${line6.indexOf('new Error') + 1})`,
      '    at charge (service.ts:11:17)',
    ]);
    expect(outline(result.steps)).toEqual(['11 failed const total = withTax(args.amount);']);
    expect(result.steps[0]?.error?.message).toBe('negative amount: -5');
  });

  it('fails with the bridge error’s code and the line of the awaiting statement', () => {
    const { bridge } = recordingBridge({
      'event.publish': () => {
        throw hostError('services.Billing declares no event "paid"', 'UNDECLARED_EVENT');
      },
    });
    const result = runService(sandbox, BILLING, 'charge', { orderId: 7, amount: 1 }, { bridge });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'UNDECLARED_EVENT',
        message: 'services.Billing declares no event "paid"',
        line: 13,
      },
    });
    expect(result.steps.map((s) => `${s.line} ${s.status}`)).toEqual([
      '11 success',
      '12 success',
      '13 failed',
    ]);
  });

  it('names the function in limit errors', () => {
    const code = 'export function spin(args: unknown) {\n  let n = 0;\n  while (true) n++;\n}\n';
    const result = runService(sandbox, code, 'spin', {}, { timeoutMs: 100, maxSteps: 50 });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'TIMEOUT', message: 'service function spin timed out after 100 ms', line: 3 },
    });
  });

  it('fails with NOT_FOUND naming the function and listing the exported ones', () => {
    for (const entry of ['refnd', 'withTax', 'constructor', '__proto__']) {
      const result = runService(sandbox, BILLING, entry, {});
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'NOT_FOUND',
          message: `service.ts exports no function ${entry}; it exports charge, refund, chargeTwice`,
        },
        payload: {},
        steps: [],
        truncated: false,
      });
    }
    const empty = runService(sandbox, 'const x = 1;\n', 'charge', {});
    expect(empty).toMatchObject({
      ok: false,
      error: {
        code: 'NOT_FOUND',
        message: 'service.ts exports no function charge; it exports no functions',
      },
    });
  });

  it('refuses handler-shaped code as a service, and keeps handler and service builds of one version apart', () => {
    const code = handler('  return 1;');
    expect(runService(sandbox, code, 'charge', {})).toMatchObject({
      ok: false,
      error: { code: 'COMPILE_ERROR', line: 1 },
    });
    expect(run(sandbox, code, { version: 'v1' })).toMatchObject({ ok: true, output: 1 });
    const service = 'export async function one() {\n  return 1;\n}\n';
    expect(runService(sandbox, service, 'one', {}, { version: 'v1' })).toMatchObject({
      ok: true,
      output: 1,
    });
    expect(run(sandbox, code, { version: 'v1' })).toMatchObject({ ok: true, output: 1 });
  });
});

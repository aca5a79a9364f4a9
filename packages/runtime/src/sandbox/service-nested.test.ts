import { afterAll, describe, expect, it } from 'vitest';
import { createSandbox, type Bridge, type RunResult } from './index.js';
import { handler, hostError, outline, run, runService } from './sandbox.harness.js';

const sandbox = createSandbox();
afterAll(() => sandbox.dispose());

const BILLING = [
  'export async function charge(args: { orderId: number }, app: any) {',
  '  const order = await app.models.Order.create({ id: args.orderId });',
  '  return { charged: order.id, audit: order.audit };',
  '}',
  'export async function audit(args: { orderId: number }, app: any) {',
  "  if (args.orderId < 0) throw new Error('cannot audit ' + args.orderId);",
  "  app.log('audit', args.orderId);",
  '  return `audited ${args.orderId}`;',
  '}',
].join('\n');

/** An afterCreate handler of Order that calls back into the Billing service. */
const AFTER_CREATE = handler(
  '  const audit = await app.services.Billing.audit({ orderId: event.next.id });\n  return audit;',
);

/**
 * Billing.charge creates an order; the write runs AFTER_CREATE (one level down), whose
 * app.services.Billing.audit call runs Billing.audit (two levels down) while charge still waits.
 */
function chain(): { bridge: Bridge; runs: Record<string, RunResult> } {
  const runs: Record<string, RunResult> = {};
  const bridge: Bridge = (path, args) => {
    if (path === 'models.Order.create') {
      const next = args[0] as { id: number };
      const result = run(sandbox, AFTER_CREATE, { key: 'AfterCreate', payload: { next }, bridge });
      runs.handler = result;
      if (!result.ok)
        throw hostError(`Event AfterCreate failed: ${result.error.message}`, 'EVENT_FAILED');
      return { ...next, audit: result.output };
    }
    if (path === 'services.Billing.audit') {
      const result = runService(sandbox, BILLING, 'audit', args[0], { bridge });
      runs.audit = result;
      if (!result.ok)
        throw hostError(`Service function audit failed: ${result.error.message}`, 'EVENT_FAILED');
      return result.output;
    }
    return undefined;
  };
  return { bridge, runs };
}

describe('service functions in nested runs', () => {
  it('runs another function of the same module while the first waits in a bridge call', () => {
    const { bridge, runs } = chain();
    const top = runService(sandbox, BILLING, 'charge', { orderId: 7 }, { bridge });
    expect(top).toMatchObject({ ok: true, output: { charged: 7, audit: 'audited 7' } });
    expect(outline(top.steps)).toEqual([
      '2 success const order = await app.models.Order.create({ id: args.orderId });',
      '3 success return { charged: order.id, audit: order.audit };',
    ]);
    expect(runs.handler).toMatchObject({ ok: true, output: 'audited 7' });
    expect(runs.audit).toMatchObject({ ok: true, output: 'audited 7', payload: { orderId: 7 } });
    expect(outline(runs.audit?.steps ?? [])).toEqual([
      "6 success if (args.orderId < 0) throw new Error('cannot audit ' + args.orderId);",
      "7 success app.log('audit', args.orderId);",
      '  7 success log audit 7',
      '8 success return `audited ${args.orderId}`;',
    ]);
  });

  it('carries a failure two levels down back up, each run with its own line in its own file', () => {
    const { bridge, runs } = chain();
    const top = runService(sandbox, BILLING, 'charge', { orderId: -1 }, { bridge });
    expect(runs.audit).toMatchObject({
      ok: false,
      error: { code: 'HANDLER_ERROR', message: 'cannot audit -1', line: 6 },
    });
    if (runs.audit && !runs.audit.ok)
      expect(runs.audit.error.stack).toContain('at audit (service.ts:6:');
    expect(runs.handler).toMatchObject({
      ok: false,
      error: {
        code: 'EVENT_FAILED',
        message: 'Service function audit failed: cannot audit -1',
        line: 2,
      },
    });
    expect(top).toMatchObject({
      ok: false,
      error: {
        code: 'EVENT_FAILED',
        message: 'Event AfterCreate failed: Service function audit failed: cannot audit -1',
        line: 2,
      },
    });
    if (!top.ok) expect(top.error.stack).toContain('at charge (service.ts:2:');
  });
});

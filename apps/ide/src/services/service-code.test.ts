import { describe, expect, it } from 'vitest';
import { exportedFunctions, functionStub, withStubs } from './service-code';

describe('service code', () => {
  it('finds the exported functions', () => {
    const code = `export async function ship(args, app) {}\nfunction helper() {}\n  export function total(args) {}\n// export function commented() {}\n`;
    expect(exportedFunctions(code)).toEqual(['ship', 'total']);
  });

  it('writes a stub matching a declaration', () => {
    expect(
      functionStub({
        name: 'ship',
        title: 'Ship',
        params: [{ name: 'orderId', type: 'integer', required: true }],
      }),
    ).toBe(
      `/** Ship */\nexport async function ship(args: { orderId: number }, app: App) {\n  app.log('ship called', args);\n  return null;\n}`,
    );
    expect(
      functionStub({ name: 'onPaid', params: [{ name: 'event', type: 'event:custom' }] }),
    ).toContain('export async function onPaid(event: PublishedEvent, app: App) {');
    expect(functionStub({ name: 'ping', params: [] })).toContain('ping(args: {}, app: App)');
    // `app` follows args, so args itself is never optional there; its members may be.
    expect(functionStub({ name: 'audit', params: [{ name: 'since', type: 'date' }] })).toContain(
      'audit(args: { since?: string }, app: App)',
    );
  });

  it('appends stubs only for functions the code does not export', () => {
    const code = 'export async function ship(args, app) {\n  return 1;\n}\n';
    const next = withStubs(code, [
      { name: 'ship', params: [] },
      { name: 'track', params: [] },
    ]);
    expect(next.startsWith(code.trimEnd() + '\n\nexport async function track(')).toBe(true);
    expect(withStubs(next, [{ name: 'track', params: [] }])).toBe(next);
  });
});

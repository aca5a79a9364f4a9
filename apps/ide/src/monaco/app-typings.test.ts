import type { Field } from '@whenthen/schema';
import { describe, expect, it } from 'vitest';
import { buildAppTypings, fieldTsType } from './app-typings';

const order: Field[] = [
  { name: 'sales', type: 'number', title: 'Sales', required: true },
  { name: 'region', type: 'enum', values: ['East', 'West'] },
  { name: 'orderDate', type: 'date', required: true },
  { name: 'customer', type: 'ref', model: 'models.Customer' },
  { name: 'extra', type: 'json' },
];

describe('buildAppTypings', () => {
  const text = buildAppTypings(
    [{ short: 'Order', title: 'Order', fields: order }],
    [
      {
        short: 'Billing',
        title: 'Billing',
        functions: [
          {
            name: 'charge',
            params: [
              { name: 'orderId', type: 'integer', required: true },
              { name: 'note', type: 'text' },
            ],
          },
          { name: 'audit', params: [{ name: 'since', type: 'date' }] },
          { name: 'ping', params: [] },
        ],
      },
    ],
  );

  it('types each field of the stored record, optional ones as nullable', () => {
    expect(text).toContain('sales: number;');
    expect(text).toContain('region: "East" | "West" | null;');
    expect(text).toContain('orderDate: string;');
    expect(text).toContain('customer: number | null;');
  });

  it('makes only required fields mandatory on create', () => {
    const input = text.slice(text.indexOf('interface OrderInput'));
    expect(input).toContain('sales: number;');
    expect(input).toContain('region?: "East" | "West" | null;');
  });

  it('exposes the models and services on App', () => {
    expect(text).toContain('Order: ModelApi<Models.Order, Models.OrderInput>;');
    // Required parameters are mandatory; without any, the args object may be left out.
    expect(text).toContain('charge(args: { orderId: number; note?: string }): Promise<any>;');
    expect(text).toContain('audit(args?: { since?: string }): Promise<any>;');
    expect(text).toContain('ping(args?: {}): Promise<any>;');
    expect(text).toContain(
      'notify(message: { to: string; title: string; body?: string }): Promise<void>;',
    );
  });

  it('is a global script, so handler files need no import', () => {
    expect(text).not.toMatch(/^\s*(import|export)\s/m);
  });
});

describe('fieldTsType', () => {
  it('maps every field type', () => {
    expect(fieldTsType({ type: 'text' })).toBe('string');
    expect(fieldTsType({ type: 'integer' })).toBe('number');
    expect(fieldTsType({ type: 'boolean' })).toBe('boolean');
    expect(fieldTsType({ type: 'datetime' })).toBe('string');
    expect(fieldTsType({ type: 'json' })).toBe('any');
    expect(fieldTsType({ type: 'enum', values: ['a'] })).toBe('"a"');
  });
});

describe('the typings in the TypeScript compiler', () => {
  it('type-check a handler that uses the event and app, and refuse a wrong field', async () => {
    const ts = (await import('typescript')).default;
    const typings = buildAppTypings([{ short: 'Order', title: 'Order', fields: order }]);
    const handler = (body: string) =>
      `export default async function (event: ModelEvent<Models.Order, 'afterCreate'>, app: App) {\n${body}\n}\n`;
    const diagnose = (code: string) => {
      const files: Record<string, string> = { '/app.d.ts': typings, '/handler.ts': code };
      const host = ts.createCompilerHost({});
      const original = host.getSourceFile.bind(host);
      host.getSourceFile = (name, version) =>
        files[name] !== undefined
          ? ts.createSourceFile(name, files[name]!, version)
          : original(name, version);
      host.fileExists = (name) => files[name] !== undefined || ts.sys.fileExists(name);
      host.readFile = (name) => files[name] ?? ts.sys.readFile(name);
      const program = ts.createProgram(
        ['/app.d.ts', '/handler.ts'],
        {
          strict: true,
          target: ts.ScriptTarget.ES2022,
          lib: ['lib.es2022.d.ts'],
          types: [],
          noEmit: true,
        },
        host,
      );
      return ts
        .getPreEmitDiagnostics(program)
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    };
    expect(
      diagnose(
        handler(
          `const total: number = event.next.sales;\nconst o = await app.models.Order.create({ sales: 2, orderDate: '2024-01-01' });\nawait app.notify({ to: 'ann', title: String(o.id + total) });`,
        ),
      ),
    ).toEqual([]);
    expect(
      diagnose(
        handler(`await app.models.Order.create({ sales: 'x', orderDate: '2024-01-01' });`),
      ).join('\n'),
    ).toMatch(/not assignable to type 'number'/);
    expect(diagnose(handler(`event.next.nope;`)).join('\n')).toMatch(
      /Property 'nope' does not exist/,
    );
    // Building a TypeScript program is slow on a busy machine; this is not a speed check.
  }, 120_000);
});

import { Runtime } from '@whenthen/runtime';
import type { FastifyInstance } from 'fastify';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildServer } from './server.js';
import { apiClient } from './testing/api-client.js';

const TOKEN = 'test-token';
let dir: string;
let runtime: Runtime;
let server: FastifyInstance;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'whenthen-server-'));
  writeFileSync(join(dir, 'app.json'), JSON.stringify({ name: 'test' }));
  mkdirSync(join(dir, 'models', 'Order'), { recursive: true });
  writeFileSync(
    join(dir, 'models', 'Order', 'e.json'),
    JSON.stringify({
      type: 'model',
      fields: [
        { name: 'sales', type: 'number', required: true },
        { name: 'day', type: 'date' },
        { name: 'note', type: 'text' },
      ],
    }),
  );
  runtime = new Runtime({ dir });
  server = await buildServer({ runtime, token: TOKEN });
});
afterEach(async () => {
  await server.close();
  runtime.close();
  rmSync(dir, { recursive: true, force: true });
});

const api = apiClient(() => server, TOKEN);

const newEvent = (overrides: Record<string, unknown> = {}) => ({
  name: 'events.NotifyBig',
  definition: {
    type: 'event',
    kind: 'model',
    title: 'Notify big',
    model: 'models.Order',
    timing: 'afterCreate',
    filter: { and: [{ field: 'sales', op: 'gt', value: 1000 }] },
    ...overrides,
  },
  code: "export default async function (event, app) {\n  await app.notify({ to: 'ann', title: 'Big order', body: String(event.next.sales) });\n}\n",
});

describe('REST API', () => {
  it('answers health without a token and everything else only with it', async () => {
    expect((await server.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({
      ok: true,
    });
    const res = await server.inject({ method: 'GET', url: '/api/elements' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHORIZED');
    expect(
      (await api('GET', '/api/elements', undefined, { authorization: 'Bearer nope' })).statusCode,
    ).toBe(401);
  });

  it('creates an event as files, switches it on, and runs it on a data write', async () => {
    const created = await api('POST', '/api/elements', newEvent());
    expect(created.statusCode).toBe(201);
    expect(
      JSON.parse(readFileSync(join(dir, 'events', 'NotifyBig', 'e.json'), 'utf8')),
    ).toMatchObject({ enabled: false, timing: 'afterCreate' });
    expect(readFileSync(join(dir, 'events', 'NotifyBig', 'handler.ts'), 'utf8')).toContain(
      'app.notify',
    );
    expect(
      (await api('POST', '/api/events/events.NotifyBig/enable')).json().definition.enabled,
    ).toBe(true);
    expect((await api('POST', '/api/data/models.Order', { sales: 5 })).statusCode).toBe(201);
    const big = await api('POST', '/api/data/models.Order', { sales: 5000 });
    expect(big.json()).toMatchObject({ id: 2, sales: 5000, day: null });
    const notes = (await api('GET', '/api/notifications')).json();
    expect(notes.total).toBe(1);
    expect(notes.items[0]).toMatchObject({ to: 'ann', title: 'Big order', body: '5000' });
    const runs = (await api('GET', '/api/executions?event=events.NotifyBig&status=success')).json();
    expect(runs.total).toBe(1);
    const detail = (await api('GET', `/api/executions/${runs.items[0].id}`)).json();
    expect(detail.steps[0]).toMatchObject({ line: 2, status: 'success' });
    expect(detail.code).toContain('app.notify');
    expect(detail.chain.map((c: { id: string }) => c.id)).toEqual([runs.items[0].id]);
  });

  it('answers 422 with the execution id when a sync handler fails, and writes nothing', async () => {
    await api('POST', '/api/elements', {
      ...newEvent(),
      code: "export default async function (event, app) {\n  throw new Error('nope');\n}\n",
    });
    await api('POST', '/api/events/events.NotifyBig/enable');
    const res = await api('POST', '/api/data/models.Order', { sales: 5000 });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.error.code).toBe('EVENT_FAILED');
    expect(body.error.executionId).toBeTruthy();
    expect((await api('GET', '/api/data/models.Order')).json().total).toBe(0);
    const run = (await api('GET', `/api/executions/${body.error.executionId}`)).json();
    expect(run).toMatchObject({ status: 'failed', rolledBack: true, error: { line: 2 } });
  });

  it('refuses bad input with 4xx naming the problem, leaving nothing behind', async () => {
    const cases: [string, string, unknown, number, string][] = [
      ['POST', '/api/data/models.Nope', { sales: 1 }, 404, 'NOT_FOUND'],
      ['POST', '/api/data/models.Order', { sales: '12' }, 400, 'VALIDATION_FAILED'],
      ['POST', '/api/data/models.Order', { sales: 1, bogus: 1 }, 400, 'VALIDATION_FAILED'],
      ['POST', '/api/data/models.Order', { note: 'x' }, 400, 'VALIDATION_FAILED'],
      ['POST', '/api/data/models.Order', { sales: 1, day: '2024-13-01' }, 400, 'VALIDATION_FAILED'],
      ['POST', '/api/data/models.Order', '{"sales": ', 400, 'VALIDATION_FAILED'],
      ['GET', '/api/data/models.Order?where=%7Bnope', undefined, 400, 'VALIDATION_FAILED'],
      [
        'GET',
        '/api/data/models.Order?where=' +
          encodeURIComponent('{"field":"sales","op":"like","value":1}'),
        undefined,
        400,
        'VALIDATION_FAILED',
      ],
      ['GET', '/api/data/models.Order?limit=5000', undefined, 400, 'VALIDATION_FAILED'],
      ['GET', '/api/data/models.Order/abc', undefined, 400, 'VALIDATION_FAILED'],
      ['GET', '/api/data/models.Order/99', undefined, 404, 'NOT_FOUND'],
      ['DELETE', '/api/data/models.Order', undefined, 400, 'VALIDATION_FAILED'],
      ['GET', '/api/executions?status=weird', undefined, 400, 'VALIDATION_FAILED'],
      ['GET', '/api/executions?from=yesterday', undefined, 400, 'VALIDATION_FAILED'],
      ['GET', '/api/executions?from=2024-05-01T10:00:00', undefined, 400, 'VALIDATION_FAILED'],
      ['POST', '/api/elements', { ...newEvent(), name: '../x' }, 400, 'VALIDATION_FAILED'],
      ['POST', '/api/elements', { ...newEvent(), name: 'events.lower' }, 400, 'VALIDATION_FAILED'],
      ['POST', '/api/elements', newEvent({ timing: 'sometimes' }), 400, 'VALIDATION_FAILED'],
      ['POST', '/api/elements', newEvent({ model: 'models.Nope' }), 400, 'VALIDATION_FAILED'],
      [
        'POST',
        '/api/elements',
        newEvent({ filter: { field: 'nope', op: 'eq', value: 1 } }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'POST',
        '/api/elements',
        newEvent({ timing: 'beforeCreate', async: true }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'POST',
        '/api/elements',
        { ...newEvent(), code: 'export default async function (event, app) {' },
        400,
        'VALIDATION_FAILED',
      ],
      ['POST', '/api/elements', { ...newEvent(), name: 'models.Order' }, 400, 'VALIDATION_FAILED'],
      ['GET', '/api/elements/events.Nope', undefined, 404, 'NOT_FOUND'],
      ['GET', '/api/nothing-here', undefined, 404, 'NOT_FOUND'],
    ];
    for (const [method, url, body, status, code] of cases) {
      const res = await api(method, url, body);
      expect([method, url, res.statusCode, res.json().error?.code]).toEqual([
        method,
        url,
        status,
        code,
      ]);
      expect(res.json().error.message.length).toBeGreaterThan(5);
    }
    expect(existsSync(join(dir, 'events'))).toBe(false);
    expect((await api('GET', '/api/data/models.Order')).json().total).toBe(0);
  });

  it('names the failing fields in details', async () => {
    const res = await api('POST', '/api/data/models.Order', { sales: 'x', bogus: 1 });
    expect(res.json().error.details).toEqual([
      { field: 'sales', reason: 'expected a number' },
      { field: 'bogus', reason: 'unknown field of models.Order' },
    ]);
  });

  it('refuses a stale version and a duplicate name, and protects a model in use', async () => {
    const created = (await api('POST', '/api/elements', newEvent())).json();
    expect(
      (await api('POST', '/api/elements', { ...newEvent(), name: 'events.NOTIFYBIG' })).statusCode,
    ).toBe(409);
    const ok = await api('PUT', '/api/elements/events.NotifyBig', {
      definition: { ...created.definition, title: 'Renamed' },
      version: created.version,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().code).toContain('app.notify');
    const stale = await api('PUT', '/api/elements/events.NotifyBig', {
      definition: created.definition,
      version: created.version,
    });
    expect(stale.json().error.code).toBe('STALE');
    const inUse = await api('DELETE', '/api/elements/models.Order');
    expect([inUse.statusCode, inUse.json().error.code]).toEqual([409, 'IN_USE']);
    expect((await api('DELETE', '/api/elements/events.NotifyBig')).statusCode).toBe(200);
    expect((await api('DELETE', '/api/elements/models.Order')).statusCode).toBe(200);
  });

  it('updates and deletes in bulk by condition', async () => {
    for (const sales of [1, 2, 3]) await api('POST', '/api/data/models.Order', { sales });
    const where = encodeURIComponent(JSON.stringify({ field: 'sales', op: 'gte', value: 2 }));
    expect(
      (await api('PATCH', `/api/data/models.Order?where=${where}`, { set: { note: 'x' } })).json(),
    ).toEqual({ count: 2, ids: [2, 3] });
    expect((await api('DELETE', `/api/data/models.Order?where=${where}`)).json()).toEqual({
      count: 2,
      ids: [2, 3],
    });
    expect(
      (await api('GET', '/api/data/models.Order')).json().items.map((r: { id: number }) => r.id),
    ).toEqual([1]);
  });
});

describe('services over REST', () => {
  it('calls a function with the body as arguments and returns the result and the request id', async () => {
    mkdirSync(join(dir, 'services', 'Calc'), { recursive: true });
    writeFileSync(
      join(dir, 'services', 'Calc', 'e.json'),
      JSON.stringify({
        type: 'service',
        functions: [
          {
            name: 'add',
            params: [
              { name: 'a', type: 'number' },
              { name: 'b', type: 'number' },
            ],
          },
        ],
      }),
    );
    writeFileSync(
      join(dir, 'services', 'Calc', 'service.ts'),
      'export async function add(args, app) {\n  return args.a + args.b;\n}\n',
    );
    runtime.reload();
    const res = await api('POST', '/api/services/services.Calc/add', { a: 2, b: 40 });
    expect(res.statusCode).toBe(200);
    expect(res.json().result).toBe(42);
    const runs = (await api('GET', `/api/executions?requestId=${res.json().requestId}`)).json();
    expect(runs.items.map((r: { event: string; kind: string }) => [r.event, r.kind])).toEqual([
      ['services.Calc', 'service'],
    ]);
    expect((await api('POST', '/api/services/services.Calc/add', { a: 'x' })).statusCode).toBe(400);
    expect((await api('POST', '/api/services/services.Calc/nope', {})).statusCode).toBe(404);
    expect((await api('GET', '/api/services/services.Calc')).json().functions[0].name).toBe('add');
  });
});

describe('what a newcomer tried', () => {
  it('refuses out-of-range numbers and deep nesting with 400, never 500', async () => {
    const deep = (n: number) => {
      let c: unknown = { field: 'sales', op: 'gt', value: 1 };
      for (let i = 0; i < n; i++) c = { not: c };
      return c;
    };
    const cases: [string, string, unknown][] = [
      ['GET', '/api/data/models.Order?offset=9223372036854775807', undefined],
      ['GET', '/api/executions?offset=9223372036854775807', undefined],
      ['GET', '/api/executions?from=99999999999999999999', undefined],
      [
        'GET',
        '/api/data/models.Order?where=' + encodeURIComponent(JSON.stringify(deep(1000))),
        undefined,
      ],
      [
        'POST',
        '/api/elements',
        { ...newEvent(), definition: { ...newEvent().definition, filter: deep(1000) } },
      ],
      [
        'POST',
        '/api/data/models.Order',
        { sales: 1, note: 'x', extra: JSON.parse('['.repeat(1_000) + ']'.repeat(1_000)) },
      ],
      ['POST', '/api/elements', '"just a string"'],
      ['POST', '/api/elements', [1, 2]],
      ['POST', '/api/data/models.Order', { sales: 1, day: '2024-02-30' }],
    ];
    for (const [method, url, body] of cases) {
      const res = await api(method, url, body);
      expect([url.slice(0, 60), res.statusCode]).toEqual([url.slice(0, 60), 400]);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('checks refs and refuses model changes that would reinterpret stored data', async () => {
    const model = (fields: unknown[]) => ({ type: 'model', fields });
    expect(
      (
        await api('POST', '/api/elements', {
          name: 'models.Line',
          definition: model([{ name: 'order', type: 'ref', model: 'models.Nope' }]),
        })
      ).statusCode,
    ).toBe(400);
    const line = await api('POST', '/api/elements', {
      name: 'models.Line',
      definition: model([
        { name: 'order', type: 'ref', model: 'models.Order' },
        { name: 'label', type: 'text' },
      ]),
    });
    expect(line.statusCode).toBe(201);
    const dangling = await api('POST', '/api/data/models.Line', { order: 99999 });
    expect([dangling.statusCode, dangling.json().error.details]).toEqual([
      400,
      [{ field: 'order', reason: 'models.Order has no record 99999' }],
    ]);
    const order = (await api('POST', '/api/data/models.Order', { sales: 5 })).json();
    expect(
      (await api('POST', '/api/data/models.Line', { order: order.id, label: 'a' })).statusCode,
    ).toBe(201);
    await api('POST', '/api/data/models.Line', { order: order.id, label: 'a' });
    const current = (await api('GET', '/api/elements/models.Line')).json();
    const retyped = await api('PUT', '/api/elements/models.Line', {
      version: current.version,
      definition: model([
        { name: 'order', type: 'ref', model: 'models.Order' },
        { name: 'label', type: 'number' },
      ]),
    });
    expect(retyped.statusCode).toBe(400);
    expect(retyped.json().error.message).toContain('changing its type is not supported');
    const unique = await api('PUT', '/api/elements/models.Line', {
      version: current.version,
      definition: model([
        { name: 'order', type: 'ref', model: 'models.Order' },
        { name: 'label', type: 'text', unique: true },
      ]),
    });
    expect(unique.statusCode).toBe(400);
    expect(unique.json().error.message).toContain('cannot be unique');
    // A deleted model takes its data: made again with other types, it starts clean.
    expect((await api('DELETE', '/api/elements/models.Line')).statusCode).toBe(200);
    await api('POST', '/api/elements', {
      name: 'models.Line',
      definition: model([{ name: 'label', type: 'integer' }]),
    });
    expect((await api('POST', '/api/data/models.Line', { label: 5 })).json()).toEqual({
      id: 1,
      label: 5,
    });
  });
});

import { Runtime } from '@whenthen/runtime';
import type { FastifyInstance } from 'fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
  dir = mkdtempSync(join(tmpdir(), 'whenthen-attacks-'));
  writeFileSync(join(dir, 'app.json'), JSON.stringify({ name: 'test' }));
  mkdirSync(join(dir, 'models', 'Order'), { recursive: true });
  writeFileSync(
    join(dir, 'models', 'Order', 'e.json'),
    JSON.stringify({ type: 'model', fields: [{ name: 'sales', type: 'number' }] }),
  );
  mkdirSync(join(dir, 'services', 'Billing'), { recursive: true });
  writeFileSync(
    join(dir, 'services', 'Billing', 'e.json'),
    JSON.stringify({
      type: 'service',
      functions: [{ name: 'charge', params: [] }],
      eventDescs: [],
    }),
  );
  writeFileSync(
    join(dir, 'services', 'Billing', 'service.ts'),
    'export async function charge(args, app) {\n  return 1;\n}\n',
  );
  runtime = new Runtime({ dir });
  server = await buildServer({ runtime, token: TOKEN });
});
afterEach(async () => {
  await server.close();
  runtime.close();
  rmSync(dir, { recursive: true, force: true });
});

const withToken = apiClient(() => server, TOKEN);

describe('the token', () => {
  it('cannot be skipped by %-escaping the path the router decodes', async () => {
    runtime.data.create('models.Order', { sales: 1 });
    for (const url of [
      '/%61pi/elements',
      '/%61%70%69/data/models.Order',
      '/api/%64ata/models.Order',
      '/%61pi/health/../elements',
    ]) {
      const res = await server.inject({ method: 'GET', url });
      expect(res.statusCode, url).not.toBe(200);
      expect(res.body, url).not.toContain('"sales"');
      expect(res.body, url).not.toContain('models.Order');
    }
    const res = await server.inject({ method: 'GET', url: '/%61pi/data/models.Order' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'UNAUTHORIZED', message: expect.any(String) } });
  });

  it('is not needed for GET /api/health, also with a query string', async () => {
    expect((await server.inject({ method: 'GET', url: '/api/health?probe=1' })).json()).toEqual({
      ok: true,
    });
  });
});

describe('answers in the error envelope', () => {
  it('for a malformed %-escape in the path', async () => {
    const res = await withToken('GET', '/api/data/models.Order/%E0%A4%A');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: {
        code: 'VALIDATION_FAILED',
        message: expect.any(String),
        details: [{ field: 'url', reason: expect.any(String) }],
      },
    });
  });

  it('for an executions time filter on a day that does not exist', async () => {
    for (const from of ['2024-02-30T00:00:00Z', '2023-04-31T10:00:00%2B02:00']) {
      const res = await withToken('GET', `/api/executions?from=${from}`);
      expect(res.statusCode, from).toBe(400);
      expect(res.json().error.details, from).toEqual([
        { field: 'from', reason: 'not a real time' },
      ]);
    }
    expect((await withToken('GET', '/api/executions?to=2024-02-29T00:00:00Z')).statusCode).toBe(
      200,
    );
  });

  it('for a replace without a version, or with one that is not text', async () => {
    const doc = (await withToken('GET', '/api/elements/models.Order')).json();
    const changed = { ...doc.definition, title: 'Changed' };
    for (const body of [
      { definition: changed },
      { definition: changed, version: 5 },
      { definition: changed, version: '' },
    ]) {
      const res = await withToken('PUT', '/api/elements/models.Order', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.details).toEqual([{ field: 'version', reason: expect.any(String) }]);
    }
    // A replace without a definition is refused by name, not read as a changed definition.
    const noDefinition = await withToken('PUT', '/api/elements/models.Order', {
      version: doc.version,
      code: 'x',
    });
    expect([noDefinition.statusCode, noDefinition.json().error.details]).toEqual([
      400,
      [{ field: 'definition', reason: expect.stringContaining('send the whole definition') }],
    ]);
    expect((await withToken('GET', '/api/elements/models.Order')).json().definition.title).not.toBe(
      'Changed',
    );
    expect(
      (
        await withToken('PUT', '/api/elements/models.Order', {
          definition: changed,
          version: doc.version,
        })
      ).statusCode,
    ).toBe(200);
  });

  it('with 404 for a service named in the wrong case', async () => {
    const res = await withToken('POST', '/api/services/services.billing/charge', {});
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toEqual({
      code: 'NOT_FOUND',
      message: 'service services.billing not found (did you mean services.Billing?)',
    });
    expect(
      (await withToken('POST', '/api/services/services.Billing/charge', {})).json().result,
    ).toBe(1);
  });
});

describe('a misspelt parameter', () => {
  it('is refused instead of ignored, so an unfiltered answer never looks filtered', async () => {
    runtime.data.create('models.Order', { sales: 1 });
    const where = encodeURIComponent(JSON.stringify({ field: 'sales', op: 'gt', value: 5 }));
    for (const [method, url] of [
      ['GET', '/api/executions?stauts=failed'],
      ['GET', `/api/data/models.Order?wher=${where}`],
      ['GET', '/api/notifications?too=ann'],
      ['GET', '/api/approvals/instances?flwo=approvals.X'],
      ['DELETE', `/api/data/models.Order?where=${where}&dryRun=1`],
    ] as const) {
      const res = await withToken(method, url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code, url).toBe('VALIDATION_FAILED');
    }
    const bulk = await withToken('PATCH', `/api/data/models.Order?where=${where}`, {
      set: { sales: 2 },
      where: { field: 'sales', op: 'eq', value: 1 },
    });
    expect(bulk.statusCode).toBe(400);
    expect(bulk.json().error.details).toEqual([
      { field: 'where', reason: 'send the condition as ?where= in the URL' },
    ]);
    expect(runtime.data.query('models.Order').items).toEqual([{ id: 1, sales: 1 }]);
    expect(
      (
        await withToken(
          'GET',
          `/api/data/models.Order?where=${where}&limit=5&offset=0&orderBy=sales`,
        )
      ).statusCode,
    ).toBe(200);
    expect(
      (await withToken('GET', '/api/executions?status=failed&limit=5&offset=0&event=events.X'))
        .statusCode,
    ).toBe(200);
  });
});

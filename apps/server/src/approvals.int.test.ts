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

function write(path: string, value: unknown): void {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), typeof value === 'string' ? value : JSON.stringify(value));
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'whenthen-approvals-'));
  write('app.json', {
    name: 'test',
    users: [
      { id: 'ann', name: 'Ann' },
      { id: 'bob', name: 'Bob' },
      { id: 'dee', name: 'Dee' },
    ],
  });
  write('models/Order/e.json', {
    type: 'model',
    fields: [
      { name: 'discount', type: 'number' },
      { name: 'approvalStatus', type: 'text' },
    ],
  });
  write('approvals/Discount/e.json', {
    type: 'approval',
    model: 'models.Order',
    condition: { field: 'discount', op: 'gt', value: 0.3 },
    nodes: [
      { id: 'manager', title: 'Sales manager', approvers: ['ann'], mode: 'any' },
      { id: 'finance', title: 'Finance', approvers: ['bob'], mode: 'all' },
    ],
  });
  write('events/MarkApproved/e.json', {
    type: 'event',
    kind: 'approval',
    flow: 'approvals.Discount',
    timing: 'statusChanged',
    toStatuses: ['approved'],
    enabled: true,
  });
  write(
    'events/MarkApproved/handler.ts',
    `export default async function (event, app) {\n  if (event.action.comment === 'veto') throw new Error('vetoed');\n  await app.models.Order.update(event.record.id, { approvalStatus: event.status });\n}\n`,
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

async function submitted() {
  const order = (await api('POST', '/api/data/models.Order', { discount: 0.5 })).json();
  const res = await api('POST', '/api/approvals/approvals.Discount/instances', {
    recordId: order.id,
    user: 'dee',
  });
  return { order, res, inst: res.json() };
}

describe('approvals over REST', () => {
  it('lists the application users', async () => {
    expect((await api('GET', '/api/users')).json()).toEqual({
      total: 3,
      items: [
        { id: 'ann', name: 'Ann' },
        { id: 'bob', name: 'Bob' },
        { id: 'dee', name: 'Dee' },
      ],
    });
  });

  it('submits, acts, and shows an instance with its history and tasks; the events run', async () => {
    const { order, res, inst } = await submitted();
    expect(res.statusCode).toBe(201);
    expect(inst).toMatchObject({
      flow: 'approvals.Discount',
      recordId: order.id,
      status: 'pending',
      node: 'manager',
      assignees: ['ann'],
      submittedBy: 'dee',
    });
    expect(typeof inst.requestId).toBe('string');

    const approved = await api('POST', `/api/approvals/instances/${inst.id}/actions`, {
      action: 'approve',
      user: 'ann',
      comment: 'fine',
    });
    expect([approved.statusCode, approved.json().node]).toEqual([200, 'finance']);
    const done = (
      await api('POST', `/api/approvals/instances/${inst.id}/actions`, {
        action: 'approve',
        user: 'bob',
      })
    ).json();
    expect(done).toMatchObject({ status: 'approved', node: null });
    expect((await api('GET', `/api/data/models.Order/${order.id}`)).json().approvalStatus).toBe(
      'approved',
    );
    const runs = (await api('GET', `/api/executions?requestId=${done.requestId}`)).json();
    expect(runs.items.map((r: { event: string }) => r.event)).toEqual([
      'events.MarkApproved',
      'approvals.Discount',
    ]);

    const detail = (await api('GET', `/api/approvals/instances/${inst.id}`)).json();
    expect(
      detail.history.map((h: { action: string; user: string }) => `${h.action} ${h.user}`),
    ).toEqual(['submit dee', 'approve ann', 'approve bob']);
    expect(
      detail.tasks.map(
        (t: { node: string; assignee: string; status: string }) =>
          `${t.node} ${t.assignee} ${t.status}`,
      ),
    ).toEqual(['manager ann approved', 'finance bob approved']);
  });

  it('lists instances by flow, status and assignee', async () => {
    const { inst } = await submitted();
    const list = (q: string) => api('GET', `/api/approvals/instances${q}`).then((r) => r.json());
    expect(await list('?assignee=ann')).toMatchObject({ total: 1, items: [{ id: inst.id }] });
    expect((await list('?assignee=bob')).total).toBe(0);
    expect((await list('?flow=approvals.Discount&status=pending')).total).toBe(1);
    expect((await list('?status=approved')).total).toBe(0);
  });

  it('refuses a second approval, a record outside the condition and a second open instance with 409', async () => {
    const { order, inst } = await submitted();
    await api('POST', `/api/approvals/instances/${inst.id}/actions`, {
      action: 'approve',
      user: 'ann',
    });
    const twice = await api('POST', `/api/approvals/instances/${inst.id}/actions`, {
      action: 'approve',
      user: 'ann',
    });
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'CONFLICT']);
    expect(twice.json().error.message).toContain('ann is not an assignee of node finance');
    const again = await api('POST', '/api/approvals/approvals.Discount/instances', {
      recordId: order.id,
      user: 'dee',
    });
    expect([again.statusCode, again.json().error.message]).toEqual([
      409,
      expect.stringContaining('already has an open approvals.Discount instance'),
    ]);
    const small = (await api('POST', '/api/data/models.Order', { discount: 0.1 })).json();
    const refused = await api('POST', '/api/approvals/approvals.Discount/instances', {
      recordId: small.id,
      user: 'dee',
    });
    expect([refused.statusCode, refused.json().error.message]).toEqual([
      409,
      expect.stringContaining('its condition is discount > 0.3, and discount is 0.1'),
    ]);
  });

  it('answers 422 with the execution id when a sync handler refuses the action, and changes nothing', async () => {
    const { inst } = await submitted();
    await api('POST', `/api/approvals/instances/${inst.id}/actions`, {
      action: 'approve',
      user: 'ann',
    });
    const res = await api('POST', `/api/approvals/instances/${inst.id}/actions`, {
      action: 'approve',
      user: 'bob',
      comment: 'veto',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'EVENT_FAILED',
      executionId: expect.any(String),
    });
    expect((await api('GET', `/api/approvals/instances/${inst.id}`)).json()).toMatchObject({
      status: 'pending',
      node: 'finance',
      assignees: ['bob'],
    });
  });

  it('refuses bad input with 400 naming the fields, unknown things with 404, never a 500', async () => {
    const { inst } = await submitted();
    const cases: [string, string, unknown, number, string?][] = [
      [
        'POST',
        '/api/approvals/approvals.Discount/instances',
        { recordId: 'x', user: 'zed' },
        400,
        'recordId',
      ],
      ['POST', '/api/approvals/approvals.Discount/instances', undefined, 400, 'body'],
      ['POST', '/api/approvals/approvals.Discount/instances', '{nope', 400, 'body'],
      ['POST', '/api/approvals/approvals.Nope/instances', { recordId: 1, user: 'ann' }, 404],
      [
        'POST',
        `/api/approvals/instances/${inst.id}/actions`,
        { action: 'launch', user: 'ann' },
        400,
        'action',
      ],
      ['POST', `/api/approvals/instances/${inst.id}/actions`, [1, 2], 400, 'body'],
      [
        'POST',
        `/api/approvals/instances/${inst.id}/actions`,
        { action: 'transfer', user: 'ann' },
        400,
        'to',
      ],
      [
        'POST',
        '/api/approvals/instances/abc/actions',
        { action: 'approve', user: 'ann' },
        400,
        'id',
      ],
      ['POST', '/api/approvals/instances/999/actions', { action: 'approve', user: 'ann' }, 404],
      ['GET', '/api/approvals/instances/999', undefined, 404],
      ['GET', '/api/approvals/instances?status=done', undefined, 400, 'status'],
      ['GET', '/api/approvals/instances?limit=0', undefined, 400, 'limit'],
      ['GET', '/api/approvals/instances?status=pending&status=approved', undefined, 400, 'status'],
    ];
    for (const [method, url, body, status, field] of cases) {
      const res = await api(method, url, body);
      expect([method, url, res.statusCode]).toEqual([method, url, status]);
      if (field)
        expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    const zed = await api('POST', '/api/approvals/approvals.Discount/instances', {
      recordId: 1,
      user: 'zed',
    });
    expect(zed.json().error.details).toEqual([
      { field: 'user', reason: 'unknown user "zed"; the application has ann, bob, dee' },
    ]);
  });
});

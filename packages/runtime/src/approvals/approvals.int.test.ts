import { afterEach, describe, expect, it } from 'vitest';
import { approvalApp, discountFlow, failure } from './approvals.harness.js';

let close: (() => void) | null = null;
afterEach(() => {
  close?.();
  close = null;
});
function setup(opts: Parameters<typeof approvalApp>[0] = {}) {
  const t = approvalApp(opts);
  close = t.close;
  return t;
}

const FLOW = 'approvals.Discount';

describe('submitting', () => {
  it('starts a pending instance at the first node with tasks for its approvers, and keeps the history', () => {
    const { runtime } = setup();
    const order = runtime.data.create('models.Order', { discount: 0.4 });
    const inst = runtime.approvals.submit(FLOW, {
      recordId: order.id,
      user: 'dee',
      comment: 'big customer',
    });
    expect(inst).toMatchObject({
      flow: FLOW,
      model: 'models.Order',
      recordId: order.id,
      status: 'pending',
      node: 'manager',
      nodeTitle: 'Sales manager',
      submittedBy: 'dee',
      assignees: ['ann'],
      endedAt: null,
    });
    const detail = runtime.approvals.get(inst.id);
    expect(
      detail.history.map((h) => [h.action, h.user, h.comment, h.node, h.status, h.nextNode]),
    ).toEqual([['submit', 'dee', 'big customer', null, 'pending', 'manager']]);
    expect(detail.tasks.map((t) => [t.node, t.assignee, t.status])).toEqual([
      ['manager', 'ann', 'open'],
    ]);
    expect(detail.nodes.map((n) => n.id)).toEqual(['manager', 'finance']);
  });

  it('refuses a record that does not meet the condition, saying why', () => {
    const { runtime } = setup();
    const order = runtime.data.create('models.Order', { discount: 0.1 });
    const err = failure(() => runtime.approvals.submit(FLOW, { recordId: order.id, user: 'dee' }));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toBe(
      `models.Order record ${order.id} does not need approvals.Discount: its condition is discount > 0.3, and discount is 0.1`,
    );
    expect(runtime.approvals.list().total).toBe(0);
  });

  it('allows one open instance per record and flow; a finished one does not count', () => {
    const { runtime } = setup();
    const order = runtime.data.create('models.Order', { discount: 0.4 });
    const first = runtime.approvals.submit(FLOW, { recordId: order.id, user: 'dee' });
    const err = failure(() => runtime.approvals.submit(FLOW, { recordId: order.id, user: 'ann' }));
    expect([err.code, err.message]).toEqual([
      'CONFLICT',
      `models.Order record ${order.id} already has an open approvals.Discount instance (${first.id}, at node manager)`,
    ]);
    runtime.approvals.act(first.id, { action: 'withdraw', user: 'dee' });
    expect(runtime.approvals.submit(FLOW, { recordId: order.id, user: 'dee' }).status).toBe(
      'pending',
    );
    expect(runtime.approvals.list({ flow: FLOW }).items.map((i) => i.status)).toEqual([
      'pending',
      'withdrawn',
    ]);
  });

  it('keeps a record waiting for approval from being deleted, until its instance ends', () => {
    const { runtime } = setup();
    const order = runtime.data.create('models.Order', { discount: 0.4 });
    const inst = runtime.approvals.submit(FLOW, { recordId: order.id, user: 'dee' });
    const refused = failure(() => runtime.data.delete('models.Order', order.id));
    expect(refused.code).toBe('IN_USE');
    expect(refused.message).toBe(
      `models.Order record ${order.id} is waiting for approval in ${FLOW} (instance #${inst.id}); it can be deleted once that ends — dee, who submitted it, can withdraw it`,
    );
    expect(runtime.data.get('models.Order', order.id)).not.toBeNull();
    runtime.approvals.act(inst.id, { action: 'withdraw', user: 'dee' });
    expect(runtime.data.delete('models.Order', order.id).id).toBe(order.id);
  });

  it('refuses bad input, unknown users, unknown records and unknown flows', () => {
    const { runtime } = setup();
    const order = runtime.data.create('models.Order', { discount: 0.4 });
    const bad = failure(() =>
      runtime.approvals.submit(FLOW, { recordId: 'x', user: 'zed', extra: 1 }),
    );
    expect(bad.code).toBe('VALIDATION_FAILED');
    expect(bad.details).toEqual([
      { field: 'extra', reason: 'unknown; expected recordId, user, comment' },
      { field: 'recordId', reason: 'expected a record id (integer)' },
      { field: 'user', reason: 'unknown user "zed"; the application has ann, bob, cid, dee' },
    ]);
    expect(failure(() => runtime.approvals.submit(FLOW, null)).code).toBe('VALIDATION_FAILED');
    expect(failure(() => runtime.approvals.submit(FLOW, { recordId: 999, user: 'dee' })).code).toBe(
      'NOT_FOUND',
    );
    expect(
      failure(() => runtime.approvals.submit('approvals.Nope', { recordId: order.id, user: 'dee' }))
        .code,
    ).toBe('NOT_FOUND');
  });
});

describe('acting', () => {
  function submitted(
    opts: Parameters<typeof approvalApp>[0] = {},
    values: Record<string, unknown> = { discount: 0.5 },
  ) {
    const t = setup(opts);
    const order = t.runtime.data.create('models.Order', values);
    const inst = t.runtime.approvals.submit(FLOW, { recordId: order.id, user: 'dee' });
    return {
      ...t,
      order,
      inst,
      act: (body: Record<string, unknown>) => t.runtime.approvals.act(inst.id, body),
    };
  }

  it('approve moves an any node on at the first approval; an all node needs every approver; the last ends approved', () => {
    const { runtime, inst, act } = submitted();
    expect(act({ action: 'approve', user: 'ann', comment: 'fine' })).toMatchObject({
      status: 'pending',
      node: 'finance',
      assignees: ['bob', 'cid'],
    });
    expect(act({ action: 'approve', user: 'cid' })).toMatchObject({
      status: 'pending',
      node: 'finance',
      assignees: ['bob'],
    });
    const done = act({ action: 'approve', user: 'bob' });
    expect(done).toMatchObject({ status: 'approved', node: null, assignees: [] });
    expect(done.endedAt).not.toBeNull();
    const detail = runtime.approvals.get(inst.id);
    expect(detail.history.map((h) => [h.action, h.user, h.node, h.status, h.nextNode])).toEqual([
      ['submit', 'dee', null, 'pending', 'manager'],
      ['approve', 'ann', 'manager', 'pending', 'finance'],
      ['approve', 'cid', 'finance', 'pending', 'finance'],
      ['approve', 'bob', 'finance', 'approved', null],
    ]);
    expect(detail.history[1]!.comment).toBe('fine');
    expect(detail.tasks.map((t) => [t.node, t.assignee, t.status])).toEqual([
      ['manager', 'ann', 'approved'],
      ['finance', 'bob', 'approved'],
      ['finance', 'cid', 'approved'],
    ]);
  });

  it('an any node with several approvers moves on at the first one and cancels the others', () => {
    const flow = discountFlow({ nodes: [{ id: 'desk', approvers: ['ann', 'bob'], mode: 'any' }] });
    const { runtime, inst, act } = submitted({ flows: { Discount: flow } });
    expect(act({ action: 'approve', user: 'bob' })).toMatchObject({ status: 'approved' });
    expect(runtime.approvals.get(inst.id).tasks.map((t) => [t.assignee, t.status])).toEqual([
      ['ann', 'cancelled'],
      ['bob', 'approved'],
    ]);
    expect(failure(() => act({ action: 'approve', user: 'ann' })).message).toBe(
      `approval instance ${inst.id} is already approved; it takes no more actions`,
    );
  });

  it('reject ends the instance at once, also in an all node', () => {
    const { runtime, inst, act } = submitted();
    act({ action: 'approve', user: 'ann' });
    expect(act({ action: 'reject', user: 'bob', comment: 'too much' })).toMatchObject({
      status: 'rejected',
      node: null,
    });
    const detail = runtime.approvals.get(inst.id);
    expect(
      detail.tasks
        .filter((t) => t.node === 'finance')
        .map((t) => [t.assignee, t.status, t.comment]),
    ).toEqual([
      ['bob', 'rejected', 'too much'],
      ['cid', 'cancelled', null],
    ]);
    expect(detail.history.at(-1)).toMatchObject({
      action: 'reject',
      user: 'bob',
      node: 'finance',
      status: 'rejected',
      nextNode: null,
    });
  });

  it('transfer hands the task to another user, who may then act; the giver may not any more', () => {
    const { runtime, inst, act } = submitted();
    expect(act({ action: 'transfer', user: 'ann', to: 'dee', comment: 'on leave' })).toMatchObject({
      status: 'pending',
      node: 'manager',
      assignees: ['dee'],
    });
    expect(failure(() => act({ action: 'approve', user: 'ann' })).message).toBe(
      `ann already transferred their task to dee at node manager of approval instance ${inst.id}`,
    );
    expect(act({ action: 'approve', user: 'dee' })).toMatchObject({ node: 'finance' });
    expect(runtime.approvals.get(inst.id).history[1]).toMatchObject({
      action: 'transfer',
      user: 'ann',
      to: 'dee',
      comment: 'on leave',
      status: 'pending',
      nextNode: 'manager',
    });
  });

  it('transfer is refused to oneself, to an unknown user, without a target, or to someone holding a task at the node', () => {
    const { act } = submitted();
    act({ action: 'approve', user: 'ann' });
    expect(failure(() => act({ action: 'transfer', user: 'bob', to: 'bob' })).details).toEqual([
      { field: 'to', reason: 'cannot transfer a task to its own assignee' },
    ]);
    expect(
      failure(() => act({ action: 'transfer', user: 'bob', to: 'zed' })).details![0]!.reason,
    ).toContain('unknown user "zed"');
    expect(failure(() => act({ action: 'transfer', user: 'bob' })).details).toEqual([
      { field: 'to', reason: 'expected a user id' },
    ]);
    const err = failure(() => act({ action: 'transfer', user: 'bob', to: 'cid' }));
    expect([err.code, err.message]).toEqual([
      'CONFLICT',
      expect.stringContaining('cid already has a task at node finance'),
    ]);
  });

  it('transfer in an all node is refused to someone who already approved there (one person is not two approvers)', () => {
    const { runtime, inst, act } = submitted();
    act({ action: 'approve', user: 'ann' });
    act({ action: 'approve', user: 'bob' });
    const err = failure(() => act({ action: 'transfer', user: 'cid', to: 'bob' }));
    expect([err.code, err.message]).toEqual([
      'CONFLICT',
      `bob already approved at node finance of approval instance ${inst.id}; the task needs someone who has not`,
    ]);
    const detail = runtime.approvals.get(inst.id);
    expect(detail).toMatchObject({ status: 'pending', node: 'finance', assignees: ['cid'] });
    expect(detail.history.map((h) => h.action)).toEqual(['submit', 'approve', 'approve']);
    // A task given away may come back: cid -> dee -> cid is not a second approval by anyone.
    act({ action: 'transfer', user: 'cid', to: 'dee' });
    expect(act({ action: 'transfer', user: 'dee', to: 'cid' }).assignees).toEqual(['cid']);
    expect(act({ action: 'approve', user: 'cid' }).status).toBe('approved');
  });

  it('withdraw is for the submitter only, and ends the instance', () => {
    const { runtime, inst, act } = submitted();
    const err = failure(() => act({ action: 'withdraw', user: 'ann' }));
    expect([err.code, err.message]).toEqual([
      'CONFLICT',
      `only the submitter (dee) may withdraw approval instance ${inst.id}`,
    ]);
    expect(act({ action: 'withdraw', user: 'dee', comment: 'changed my mind' })).toMatchObject({
      status: 'withdrawn',
      node: null,
      assignees: [],
    });
    expect(runtime.approvals.get(inst.id).tasks.map((t) => t.status)).toEqual(['cancelled']);
  });

  it('only assignees of the current node may approve, reject or transfer', () => {
    const { act, inst } = submitted();
    for (const action of ['approve', 'reject', 'transfer']) {
      const err = failure(() =>
        act({ action, user: 'bob', ...(action === 'transfer' ? { to: 'cid' } : {}) }),
      );
      expect([err.code, err.message]).toEqual([
        'CONFLICT',
        `bob is not an assignee of node manager of approval instance ${inst.id} (assignees: ann)`,
      ]);
    }
  });

  it('each action takes effect once: the same approval twice, or any action on a finished instance, is refused', () => {
    const { runtime, inst, act } = submitted();
    act({ action: 'approve', user: 'ann' });
    act({ action: 'approve', user: 'bob' });
    const twice = failure(() => act({ action: 'approve', user: 'bob' }));
    expect([twice.code, twice.message]).toEqual([
      'CONFLICT',
      `bob already approved at node finance of approval instance ${inst.id}`,
    ]);
    act({ action: 'reject', user: 'cid' });
    for (const body of [
      { action: 'approve', user: 'cid' },
      { action: 'withdraw', user: 'dee' },
    ]) {
      const err = failure(() => act(body));
      expect([err.code, err.message]).toEqual([
        'CONFLICT',
        `approval instance ${inst.id} is already rejected; it takes no more actions`,
      ]);
    }
    expect(runtime.approvals.get(inst.id).history.map((h) => h.action)).toEqual([
      'submit',
      'approve',
      'approve',
      'reject',
    ]);
  });

  it('a pinned task is refused once done, even when the same user is asked again at the next node', () => {
    const flow = discountFlow({
      nodes: [
        { id: 'first', approvers: ['ann'] },
        { id: 'second', approvers: ['ann'] },
      ],
    });
    const { runtime, inst, act } = submitted({ flows: { Discount: flow } });
    const [task] = runtime.approvals.get(inst.id).tasks;
    expect(act({ action: 'approve', user: 'ann', task: task!.id })).toMatchObject({
      node: 'second',
    });
    const err = failure(() => act({ action: 'approve', user: 'ann', task: task!.id }));
    expect([err.code, err.message]).toEqual([
      'CONFLICT',
      `task ${task!.id} of approval instance ${inst.id} is already approved`,
    ]);
    expect(runtime.approvals.get(inst.id).node).toBe('second');
    expect(failure(() => act({ action: 'approve', user: 'bob', task: task!.id })).message).toBe(
      `task ${task!.id} is assigned to ann, not bob`,
    );
  });

  it('refuses bad actions and unknown instances', () => {
    const { runtime, act } = submitted();
    expect(failure(() => act({ action: 'submit', user: 'ann' })).details![0]!.field).toBe('action');
    expect(failure(() => act({ action: 'escalate', user: 'ann' })).details).toEqual([
      { field: 'action', reason: 'expected one of approve, reject, transfer, withdraw' },
    ]);
    expect(failure(() => act({ action: 'approve', user: 'zed' })).details).toEqual([
      { field: 'user', reason: 'unknown user "zed"; the application has ann, bob, cid, dee' },
    ]);
    expect(failure(() => act({ action: 'approve', user: 'ann', to: 'bob' })).details).toEqual([
      { field: 'to', reason: 'applies to transfer only' },
    ]);
    expect(failure(() => runtime.approvals.act(999, { action: 'approve', user: 'ann' })).code).toBe(
      'NOT_FOUND',
    );
    expect(failure(() => runtime.approvals.act('x', { action: 'approve', user: 'ann' })).code).toBe(
      'VALIDATION_FAILED',
    );
  });
});

describe('field approvers', () => {
  const byOwner = discountFlow({
    nodes: [{ id: 'owner', approvers: [{ field: 'owner' }, 'ann'], mode: 'all' }],
  });

  it('take the user named in the record field when the node is reached', () => {
    const { runtime } = setup({ flows: { Discount: byOwner } });
    const order = runtime.data.create('models.Order', { discount: 0.5, owner: 'cid' });
    const inst = runtime.approvals.submit(FLOW, { recordId: order.id, user: 'dee' });
    expect(inst.assignees).toEqual(['cid', 'ann']);
    runtime.approvals.act(inst.id, { action: 'approve', user: 'cid' });
    expect(runtime.approvals.act(inst.id, { action: 'approve', user: 'ann' }).status).toBe(
      'approved',
    );
  });

  it('refuse to reach a node whose field is empty or names no user, changing nothing', () => {
    const { runtime } = setup({ flows: { Discount: byOwner } });
    const empty = runtime.data.create('models.Order', { discount: 0.5 });
    expect(
      failure(() => runtime.approvals.submit(FLOW, { recordId: empty.id, user: 'dee' })).message,
    ).toBe(
      `node owner takes its approver from field "owner", which is empty on record ${empty.id}`,
    );
    const stranger = runtime.data.create('models.Order', { discount: 0.5, owner: 'zed' });
    const err = failure(() =>
      runtime.approvals.submit(FLOW, { recordId: stranger.id, user: 'dee' }),
    );
    expect([err.code, err.message]).toEqual([
      'CONFLICT',
      'node owner: approver "zed" (field "owner") is not a user of the application',
    ]);
    expect(runtime.approvals.list().total).toBe(0);
  });

  it('name a field of the model that can hold a user id', () => {
    const { runtime } = setup();
    const save = (approvers: unknown[]) =>
      failure(() =>
        runtime.createElement({
          name: 'approvals.Bad',
          definition: discountFlow({ nodes: [{ id: 'n', approvers }] }),
        }),
      ).details;
    expect(save([{ field: 'nope' }])).toEqual([
      { field: 'definition.nodes.0.approvers.0', reason: 'models.Order has no field "nope"' },
    ]);
    expect(save([{ field: 'discount' }])).toEqual([
      {
        field: 'definition.nodes.0.approvers.0',
        reason: 'field "discount" is number; an approver field holds a user id (text or enum)',
      },
    ]);
  });
});

describe('flows on save', () => {
  it('are refused when they name a user the application does not have', () => {
    const { runtime } = setup();
    const err = failure(() =>
      runtime.createElement({
        name: 'approvals.Other',
        definition: discountFlow({ nodes: [{ id: 'n', approvers: ['ann', 'zed'] }] }),
      }),
    );
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.details).toEqual([
      {
        field: 'definition.nodes.0.approvers.1',
        reason: 'unknown user "zed"; the application has ann, bob, cid, dee',
      },
    ]);
  });

  it('are refused when the model or a condition field is unknown', () => {
    const { runtime } = setup();
    const save = (over: Record<string, unknown>) =>
      failure(() =>
        runtime.createElement({ name: 'approvals.Other', definition: discountFlow(over) }),
      ).details;
    expect(save({ model: 'models.Nope' })).toEqual([
      { field: 'definition.model', reason: 'models.Nope does not exist or has problems' },
    ]);
    expect(save({ condition: { field: 'price', op: 'gt', value: 1 } })).toEqual([
      { field: 'definition.condition.field', reason: expect.stringContaining('price') },
    ]);
  });

  it('keep running instances on the nodes they were submitted with', () => {
    const { runtime } = setup();
    const order = runtime.data.create('models.Order', { discount: 0.5 });
    const inst = runtime.approvals.submit(FLOW, { recordId: order.id, user: 'dee' });
    runtime.replaceElement(FLOW, {
      definition: discountFlow({ nodes: [{ id: 'only', approvers: ['bob'] }] }),
    });
    expect(runtime.approvals.act(inst.id, { action: 'approve', user: 'ann' })).toMatchObject({
      node: 'finance',
    });
    const next = runtime.data.create('models.Order', { discount: 0.5 });
    expect(runtime.approvals.submit(FLOW, { recordId: next.id, user: 'dee' })).toMatchObject({
      node: 'only',
      assignees: ['bob'],
    });
  });

  it('moved to another model, keep their pending instances there without blocking the new model’s records', () => {
    const { runtime } = setup();
    const order = runtime.data.create('models.Order', { discount: 0.5 });
    const inst = runtime.approvals.submit(FLOW, { recordId: order.id, user: 'dee' });
    runtime.replaceElement(FLOW, {
      definition: discountFlow({ model: 'models.Log', condition: null }),
    });
    const log = runtime.data.create('models.Log', { text: 'same id' });
    expect(log.id).toBe(order.id);
    expect(runtime.approvals.submit(FLOW, { recordId: log.id, user: 'dee' })).toMatchObject({
      model: 'models.Log',
      recordId: log.id,
      status: 'pending',
    });
    expect(runtime.approvals.get(inst.id)).toMatchObject({
      model: 'models.Order',
      status: 'pending',
    });
    const again = failure(() => runtime.approvals.submit(FLOW, { recordId: log.id, user: 'dee' }));
    expect([again.code, again.message]).toEqual([
      'CONFLICT',
      expect.stringContaining(
        `models.Log record ${log.id} already has an open approvals.Discount instance`,
      ),
    ]);
  });

  it('cannot be deleted while events use them; their model cannot be deleted while they use it', () => {
    const { runtime } = setup({
      events: [
        {
          name: 'OnApproved',
          definition: { kind: 'approval', flow: FLOW, timing: 'statusChanged' },
          code: 'export default async function () {}\n',
        },
      ],
    });
    expect(runtime.app().event('events.OnApproved')).toBeDefined();
    const flowErr = failure(() => runtime.deleteElement(FLOW));
    expect([flowErr.code, flowErr.message]).toEqual([
      'IN_USE',
      'approvals.Discount is used by events.OnApproved',
    ]);
    expect(failure(() => runtime.deleteElement('models.Order')).message).toContain(
      'approvals.Discount',
    );
  });
});

describe('listing', () => {
  it('filters by flow, status and assignee, newest first, with a total', () => {
    const { runtime } = setup({
      flows: {
        Discount: discountFlow(),
        Refund: discountFlow({ condition: null, nodes: [{ id: 'desk', approvers: ['bob'] }] }),
      },
    });
    const ids = [0.4, 0.5, 0.6].map((d) => runtime.data.create('models.Order', { discount: d }).id);
    const a = runtime.approvals.submit(FLOW, { recordId: ids[0], user: 'dee' });
    const b = runtime.approvals.submit(FLOW, { recordId: ids[1], user: 'dee' });
    const c = runtime.approvals.submit('approvals.Refund', { recordId: ids[2], user: 'dee' });
    runtime.approvals.act(b.id, { action: 'approve', user: 'ann' });
    expect(runtime.approvals.list().items.map((i) => i.id)).toEqual([c.id, b.id, a.id]);
    expect(runtime.approvals.list({ flow: FLOW }).total).toBe(2);
    expect(runtime.approvals.list({ assignee: 'ann' }).items.map((i) => i.id)).toEqual([a.id]);
    expect(runtime.approvals.list({ assignee: 'bob' }).items.map((i) => i.id)).toEqual([
      c.id,
      b.id,
    ]);
    runtime.approvals.act(c.id, { action: 'reject', user: 'bob' });
    expect(runtime.approvals.list({ status: 'rejected' }).items.map((i) => i.id)).toEqual([c.id]);
    expect(runtime.approvals.list({ assignee: 'bob' }).items.map((i) => i.id)).toEqual([b.id]);
    expect(runtime.approvals.list({ limit: 1, offset: 1 })).toMatchObject({
      total: 3,
      items: [{ id: b.id }],
    });
  });
});

describe('deleting a flow', () => {
  it('is refused while an instance is pending, and allowed once none is', () => {
    const { runtime } = setup();
    const order = runtime.data.create('models.Order', { discount: 0.4 });
    const inst = runtime.approvals.submit(FLOW, { recordId: order.id, user: 'dee' });
    const refused = failure(() => runtime.deleteElement(FLOW));
    expect(refused.code).toBe('IN_USE');
    expect(refused.message).toBe(
      'approvals.Discount has 1 pending instance; withdraw or finish it first',
    );
    expect(runtime.getElement(FLOW)).toBeTruthy();

    runtime.approvals.act(inst.id, { action: 'withdraw', user: 'dee' });
    runtime.deleteElement(FLOW);
    expect(runtime.listElements().items.some((e) => e.name === FLOW)).toBe(false);
  });
});

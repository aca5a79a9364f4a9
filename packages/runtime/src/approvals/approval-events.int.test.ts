import { afterEach, describe, expect, it } from 'vitest';
import { handler } from '../testing/builders.js';
import {
  approvalApp,
  approvalEvent,
  discountFlow,
  failure,
  type ApprovalEventSpec,
} from './approvals.harness.js';

let close: (() => void) | null = null;
afterEach(() => {
  close?.();
  close = null;
});

const FLOW = 'approvals.Discount';
/** A handler that logs `<timing> <prev>-><next> <action> <user>` for status or node. */
const logLine = (what: 'Status' | 'Node') =>
  handler(
    `await app.models.Log.create({ text: event.timing + ' ' + event.prev${what} + '->' + event.${what.toLowerCase()} + ' ' + event.action.type + ' ' + event.action.user });`,
  );

function setup(
  events: ApprovalEventSpec[],
  opts: Omit<Parameters<typeof approvalApp>[0], 'events'> = {},
) {
  const t = approvalApp({ events, ...opts });
  close = t.close;
  const { runtime } = t;
  const order = runtime.data.create('models.Order', { discount: 0.5, owner: 'cid' });
  const logs = () =>
    runtime.data.query('models.Log', undefined, { orderBy: 'id' }).items.map((l) => l.text);
  const submit = () => runtime.approvals.submit(FLOW, { recordId: order.id, user: 'dee' });
  return {
    ...t,
    order,
    logs,
    submit,
    act: (id: number, body: Record<string, unknown>) => runtime.approvals.act(id, body),
  };
}

describe('statusChanged', () => {
  it('fires only when the status really changes; submitting is none → pending', () => {
    const { act, submit, logs } = setup([
      approvalEvent('OnStatus', 'statusChanged', logLine('Status')),
    ]);
    const inst = submit();
    act(inst.id, { action: 'transfer', user: 'ann', to: 'dee' });
    act(inst.id, { action: 'approve', user: 'dee' });
    act(inst.id, { action: 'approve', user: 'bob' });
    expect(logs()).toEqual(['statusChanged null->pending submit dee']);
    act(inst.id, { action: 'approve', user: 'cid' });
    expect(logs()).toEqual([
      'statusChanged null->pending submit dee',
      'statusChanged pending->approved approve cid',
    ]);
  });

  it('narrows to its fromStatuses and toStatuses', () => {
    const { act, submit, logs } = setup([
      approvalEvent('ToRejected', 'statusChanged', logLine('Status'), {
        toStatuses: ['rejected', 'withdrawn'],
      }),
      approvalEvent('FromPending', 'statusChanged', logLine('Status'), {
        fromStatuses: ['pending'],
      }),
    ]);
    const first = submit();
    expect(logs()).toEqual([]);
    act(first.id, { action: 'reject', user: 'ann' });
    const second = submit();
    act(second.id, { action: 'withdraw', user: 'dee' });
    expect(logs()).toEqual([
      'statusChanged pending->rejected reject ann',
      'statusChanged pending->rejected reject ann',
      'statusChanged pending->withdrawn withdraw dee',
      'statusChanged pending->withdrawn withdraw dee',
    ]);
  });
});

describe('nodeChanged', () => {
  it('fires when the instance reaches another node, and when it leaves the last one', () => {
    const { act, submit, logs } = setup([approvalEvent('OnNode', 'nodeChanged', logLine('Node'))]);
    const inst = submit();
    act(inst.id, { action: 'approve', user: 'ann' });
    act(inst.id, { action: 'approve', user: 'bob' });
    act(inst.id, { action: 'reject', user: 'cid' });
    expect(logs()).toEqual([
      'nodeChanged null->manager submit dee',
      'nodeChanged manager->finance approve ann',
      'nodeChanged finance->null reject cid',
    ]);
  });

  it('with nodes, fires only on arrival at one of them', () => {
    const { act, submit, logs } = setup([
      approvalEvent('AtFinance', 'nodeChanged', logLine('Node'), { nodes: ['finance'] }),
    ]);
    const inst = submit();
    act(inst.id, { action: 'approve', user: 'ann' });
    act(inst.id, { action: 'approve', user: 'bob' });
    act(inst.id, { action: 'approve', user: 'cid' });
    expect(logs()).toEqual(['nodeChanged manager->finance approve ann']);
  });

  it('naming a node the flow does not have is refused on save', () => {
    const { runtime } = setup([]);
    const err = failure(() =>
      runtime.createElement({
        name: 'events.AtNowhere',
        definition: {
          type: 'event',
          kind: 'approval',
          flow: FLOW,
          timing: 'nodeChanged',
          nodes: ['legal'],
        },
        code: handler(''),
      }),
    );
    expect(err.details).toEqual([
      {
        field: 'definition.nodes.0',
        reason: 'approvals.Discount has no node "legal"; it has manager, finance',
      },
    ]);
  });
});

describe('afterAction', () => {
  it('fires on every action, or only on its actions', () => {
    const line = handler(
      `await app.models.Log.create({ text: event.timing + ' ' + event.action.type + ' ' + event.action.user + ' ' + event.action.comment });`,
    );
    const { act, submit, logs } = setup([
      approvalEvent('Every', 'afterAction', line, { order: 1 }),
      approvalEvent(
        'Transfers',
        'afterAction',
        handler(`await app.models.Log.create({ text: 'to ' + event.action.to });`),
        { actions: ['transfer'], order: 2 },
      ),
    ]);
    const inst = submit();
    act(inst.id, { action: 'transfer', user: 'ann', to: 'bob', comment: 'away' });
    act(inst.id, { action: 'withdraw', user: 'dee' });
    expect(logs()).toEqual([
      'afterAction submit dee null',
      'afterAction transfer ann away',
      'to bob',
      'afterAction withdraw dee null',
    ]);
  });
});

describe('one action', () => {
  it('sets off at most one event of each timing, merged by order, each with the DESIGN §4 payload', () => {
    const capture = (name: string) =>
      handler(
        `await app.models.Log.create({ text: '${name} ' + JSON.stringify({ flow: event.flow, status: event.status, prevStatus: event.prevStatus, node: event.node, prevNode: event.prevNode, action: event.action, instance: { id: event.instance.id, status: event.instance.status, node: event.instance.node, submittedBy: event.instance.submittedBy }, record: { id: event.record.id, discount: event.record.discount }, stored: (await app.approvals.Discount.get(event.instance.id)).status, hasIds: typeof event.id === 'string' && typeof event.requestId === 'string' && event.depth === 2 }) });`,
      );
    const { act, submit, logs, order } = setup([
      approvalEvent('C', 'afterAction', capture('afterAction'), { order: 3 }),
      approvalEvent('A', 'statusChanged', capture('statusChanged'), { order: 1 }),
      approvalEvent('B', 'nodeChanged', capture('nodeChanged'), { order: 2 }),
    ]);
    const inst = submit();
    act(inst.id, { action: 'approve', user: 'ann' });
    act(inst.id, { action: 'approve', user: 'bob' });
    act(inst.id, { action: 'approve', user: 'cid', comment: 'ok' });
    const lines = logs();
    expect(lines.map((l) => l!.toString().split(' ')[0])).toEqual([
      'statusChanged',
      'nodeChanged',
      'afterAction', // submit
      'nodeChanged',
      'afterAction', // ann: manager → finance
      'afterAction', // bob: finance waits for cid
      'statusChanged',
      'nodeChanged',
      'afterAction', // cid: approved
    ]);
    const last = JSON.parse(lines.at(-1)!.toString().slice('afterAction '.length));
    expect(last).toEqual({
      flow: FLOW,
      status: 'approved',
      prevStatus: 'pending',
      node: null,
      prevNode: 'finance',
      action: { type: 'approve', user: 'cid', comment: 'ok' },
      instance: { id: inst.id, status: 'approved', node: null, submittedBy: 'dee' },
      record: { id: order.id, discount: 0.5 },
      stored: 'approved',
      hasIds: true,
    });
  });
});

describe('sync handlers', () => {
  it('that fail refuse the action and change nothing: instance, tasks, history, record, queued runs', () => {
    const { runtime, act, submit, logs, order } = setup(
      [
        approvalEvent(
          'Writes',
          'afterAction',
          handler(
            `await app.models.Log.create({ text: 'written' }); await app.models.Order.update(event.record.id, { note: 'touched' });`,
          ),
          { order: 1 },
        ),
        approvalEvent(
          'Later',
          'afterAction',
          handler(`await app.models.Log.create({ text: 'later' });`),
          { async: true, order: 2 },
        ),
        approvalEvent(
          'Refuses',
          'statusChanged',
          handler(`if (event.status === 'approved') throw new Error('budget closed');`),
          { order: 3 },
        ),
      ],
      { worker: false },
    );
    const inst = submit();
    act(inst.id, { action: 'approve', user: 'ann' });
    act(inst.id, { action: 'approve', user: 'bob' });
    runtime.data.deleteMany('models.Log', { field: 'id', op: 'gt', value: 0 });
    runtime.data.update('models.Order', order.id, { note: null });
    const before = runtime.approvals.get(inst.id);
    const queued = runtime.executions.list({ event: 'events.Later' }).total;

    const err = failure(() => act(inst.id, { action: 'approve', user: 'cid' }));
    expect([err.code, err.status]).toEqual(['EVENT_FAILED', 422]);
    expect(err.message).toContain('events.Refuses');
    expect(err.message).toContain('budget closed');
    expect(runtime.approvals.get(inst.id)).toEqual(before);
    expect(logs()).toEqual([]);
    expect(runtime.data.get('models.Order', order.id)!.note).toBeNull();
    expect(runtime.executions.list({ event: 'events.Later' }).total).toBe(queued);
    expect(runtime.executions.get(err.executionId!)).toMatchObject({
      status: 'failed',
      rolledBack: true,
      event: 'events.Refuses',
    });
    // The action can be taken again once the handler lets it through.
    runtime.setEnabled('events.Refuses', false);
    expect(act(inst.id, { action: 'approve', user: 'cid' }).status).toBe('approved');
  });

  it('that act on the same task again get a CONFLICT and set off nothing more', () => {
    const retry = handler(`try {
  await app.approvals.Discount.act(event.instance.id, { action: 'approve', user: event.action.user });
} catch (e) {
  await app.models.Log.create({ text: e.code + ': ' + e.message });
}`);
    const { runtime, act, submit, logs } = setup([
      approvalEvent('Again', 'afterAction', retry, { actions: ['approve'] }),
    ]);
    const inst = submit();
    act(inst.id, { action: 'approve', user: 'ann' });
    act(inst.id, { action: 'approve', user: 'bob' });
    expect(logs()).toEqual([
      `CONFLICT: ann is not an assignee of node finance of approval instance ${inst.id} (assignees: bob, cid)`,
      `CONFLICT: bob already approved at node finance of approval instance ${inst.id}`,
    ]);
    expect(runtime.executions.list({ event: 'events.Again' }).total).toBe(2);
    expect(runtime.executions.list({ event: FLOW }).items.map((e) => e.timing)).toEqual([
      'approve',
      'approve',
      'submit',
    ]);
    expect(runtime.approvals.get(inst.id).history.map((h) => h.action)).toEqual([
      'submit',
      'approve',
      'approve',
    ]);
  });

  it('that fail on such a CONFLICT refuse the whole action', () => {
    const retry = handler(
      `await app.approvals.Discount.act(event.instance.id, { action: 'approve', user: event.action.user });`,
    );
    const { runtime, act, submit } = setup([
      approvalEvent('Again', 'afterAction', retry, { actions: ['approve'] }),
    ]);
    const inst = submit();
    const err = failure(() => act(inst.id, { action: 'approve', user: 'ann' }));
    expect(err.code).toBe('EVENT_FAILED');
    expect(err.message).toContain('ann is not an assignee of node finance');
    expect(runtime.approvals.get(inst.id)).toMatchObject({
      status: 'pending',
      node: 'manager',
      assignees: ['ann'],
    });
  });

  it('may act on the instance themselves; the nested action does not set the same event off again (re-entry)', () => {
    const auto = handler(`if (event.node === 'finance') {
  await app.approvals.Discount.act(event.instance.id, { action: 'approve', user: 'bob', comment: 'auto' });
  await app.approvals.Discount.act(event.instance.id, { action: 'approve', user: 'cid', comment: 'auto' });
}`);
    const { runtime, act, submit } = setup([
      approvalEvent('AutoFinance', 'afterAction', auto),
      approvalEvent(
        'MarkApproved',
        'statusChanged',
        handler(
          `await app.models.Order.update(event.record.id, { approvalStatus: event.status });`,
        ),
        { toStatuses: ['approved'] },
      ),
    ]);
    const inst = submit();
    expect(act(inst.id, { action: 'approve', user: 'ann' })).toMatchObject({
      status: 'approved',
      node: null,
    });
    expect(runtime.data.get('models.Order', inst.recordId)!.approvalStatus).toBe('approved');
    const runs = runtime.executions.list({ event: 'events.AutoFinance' }).items;
    expect(runs.filter((r) => r.status === 'skipped').map((r) => r.skipReason)).toEqual([
      'reentry',
      'reentry',
    ]);
    expect(
      runtime.approvals.get(inst.id).history.map((h) => `${h.action} ${h.user} ${h.comment}`),
    ).toEqual(['submit dee null', 'approve ann null', 'approve bob auto', 'approve cid auto']);
  });
});

describe('async handlers', () => {
  it('run after the action commits, with the payload of that action', async () => {
    const { runtime, act, submit, logs } = setup([
      approvalEvent(
        'Later',
        'statusChanged',
        handler(
          `await app.models.Log.create({ text: event.prevStatus + '->' + event.status + ' ' + (await app.approvals.Discount.get(event.instance.id)).status });`,
        ),
        { async: true },
      ),
    ]);
    const inst = submit();
    act(inst.id, { action: 'reject', user: 'ann' });
    expect(runtime.executions.list({ event: 'events.Later' }).items.map((e) => e.status)).toEqual([
      'queued',
      'queued',
    ]);
    await runtime.idle();
    expect(logs()).toEqual(['null->pending rejected', 'pending->rejected rejected']);
  });
});

describe('records', () => {
  it('chain the action, its events and what they set off under one request', () => {
    const { runtime, act, submit } = setup([
      approvalEvent(
        'OnStatus',
        'statusChanged',
        handler(`await app.models.Log.create({ text: event.status });`),
      ),
    ]);
    // A model event that logs every Log created: a cascade from the approval event's handler.
    runtime.createElement({
      name: 'events.OnLog',
      definition: {
        type: 'event',
        kind: 'model',
        model: 'models.Log',
        timing: 'afterCreate',
        enabled: true,
      },
      code: handler(`app.log('logged', event.next.text);`),
    });
    const inst = submit();
    act(inst.id, { action: 'reject', user: 'ann', comment: 'no' });
    const rejectRun = runtime.executions
      .list({ event: FLOW })
      .items.find((e) => e.timing === 'reject')!;
    expect(rejectRun).toMatchObject({
      kind: 'approvalAction',
      status: 'success',
      recordId: inst.recordId,
      input: { type: 'reject', user: 'ann', comment: 'no' },
      output: { status: 'rejected', node: null },
    });
    const chain = runtime.executions.detail(rejectRun.id)!.chain;
    const byId = new Map(chain.map((c) => [c.id, c]));
    expect(chain.map((c) => c.event)).toEqual([FLOW, 'events.OnStatus', 'events.OnLog']);
    expect(byId.get(chain[1]!.parentId!)!.event).toBe(FLOW);
    expect(byId.get(chain[2]!.parentId!)!.event).toBe('events.OnStatus');
    expect(chain[1]).toMatchObject({
      kind: 'approval',
      timing: 'statusChanged',
      recordId: inst.recordId,
      trigger: { flow: FLOW, instanceId: inst.id, action: 'reject' },
    });
    const entry = runtime.approvals.get(inst.id).history.at(-1)!;
    expect(entry.requestId).toBe(rejectRun.requestId);
  });

  it('chain an instance submitted from handler code to the write that submitted it', () => {
    const t = approvalApp({
      events: [
        approvalEvent(
          'OnStatus',
          'statusChanged',
          handler(`await app.models.Log.create({ text: 'status ' + event.status });`),
        ),
      ],
    });
    close = t.close;
    const { runtime } = t;
    runtime.createElement({
      name: 'events.AutoSubmit',
      definition: {
        type: 'event',
        kind: 'model',
        model: 'models.Order',
        timing: 'afterCreate',
        enabled: true,
        filter: { field: 'discount', op: 'gt', value: 0.3 },
      },
      code: handler(
        `await app.approvals.Discount.submit({ recordId: event.next.id, user: 'dee' });`,
      ),
    });
    runtime.data.create('models.Order', { discount: 0.1 });
    const big = runtime.data.create('models.Order', { discount: 0.6 });
    expect(runtime.approvals.list().items.map((i) => [i.recordId, i.status])).toEqual([
      [big.id, 'pending'],
    ]);
    const auto = runtime.executions.list({ event: 'events.AutoSubmit' }).items[0]!;
    expect(runtime.executions.detail(auto.id)!.chain.map((c) => c.event)).toEqual([
      'events.AutoSubmit',
      FLOW,
      'events.OnStatus',
    ]);
  });
});

describe('flows that change', () => {
  it('events of a flow that loses its node are kept from loading, so the change is refused (IN_USE)', () => {
    const { runtime } = setup([
      approvalEvent('AtFinance', 'nodeChanged', handler(''), { nodes: ['finance'] }),
    ]);
    const err = failure(() =>
      runtime.replaceElement(FLOW, {
        definition: discountFlow({ nodes: [{ id: 'manager', approvers: ['ann'] }] }),
      }),
    );
    expect([err.code, err.message]).toEqual([
      'IN_USE',
      expect.stringContaining('events.AtFinance'),
    ]);
  });

  it('keep their flow and timing once created', () => {
    const { runtime } = setup([approvalEvent('OnStatus', 'statusChanged', handler(''))], {
      flows: { Discount: discountFlow(), Refund: discountFlow() },
    });
    const doc = runtime.getElement('events.OnStatus');
    const def = doc.definition as Record<string, unknown>;
    for (const change of [{ flow: 'approvals.Refund' }, { timing: 'afterAction' }]) {
      const err = failure(() =>
        runtime.replaceElement('events.OnStatus', { definition: { ...def, ...change } }),
      );
      expect(err.details).toEqual([
        {
          field: 'definition',
          reason: 'kind, target and timing are fixed after creation; create a new event instead',
        },
      ]);
    }
    const edited = runtime.replaceElement('events.OnStatus', {
      definition: { ...def, toStatuses: ['approved'] },
    });
    expect(edited.definition).toMatchObject({ flow: FLOW, toStatuses: ['approved'] });
  });
});

import { describe, expect, it } from 'vitest';
import { parseElement } from './elements.js';

const flow = {
  type: 'approval',
  title: 'Discount approval',
  model: 'models.Order',
  condition: { field: 'discount', op: 'gt', value: 0.3 },
  nodes: [
    { id: 'manager', title: 'Sales manager', approvers: ['ann'], mode: 'any' },
    { id: 'finance', title: 'Finance', approvers: ['bob', { field: 'owner' }], mode: 'all' },
  ],
};
const onApproved = {
  type: 'event',
  kind: 'approval',
  flow: 'approvals.Discount',
  timing: 'statusChanged',
  toStatuses: ['approved'],
};

const problems = (raw: unknown) => {
  const parsed = parseElement('e.json', raw);
  return parsed.ok ? [] : parsed.problems.map((p) => `${p.field}: ${p.reason}`);
};

describe('approval flows', () => {
  it('parse with their nodes, approvers and modes (mode defaults to any)', () => {
    const parsed = parseElement('e.json', { ...flow, nodes: [{ id: 'one', approvers: ['ann'] }] });
    expect(parsed).toMatchObject({
      ok: true,
      definition: { type: 'approval', nodes: [{ id: 'one', mode: 'any' }] },
    });
    expect(problems(flow)).toEqual([]);
  });

  it('need at least one node, unique node ids, approvers, and no approver twice', () => {
    expect(problems({ ...flow, nodes: [] })).toEqual(['nodes: a flow needs at least one node']);
    expect(
      problems({ ...flow, nodes: [flow.nodes[0], { ...flow.nodes[1], id: 'manager' }] }),
    ).toEqual(['nodes.1.id: duplicate node id "manager"']);
    expect(problems({ ...flow, nodes: [{ id: 'a', approvers: [] }] })).toEqual([
      'nodes.0.approvers: a node needs at least one approver',
    ]);
    expect(problems({ ...flow, nodes: [{ id: 'a', approvers: ['ann', 'ann'] }] })).toEqual([
      'nodes.0.approvers.1: "ann" is listed twice',
    ]);
    expect(
      problems({ ...flow, nodes: [{ id: 'a', approvers: ['ann'], mode: 'some' }] })[0],
    ).toMatch(/^nodes\.0\.mode/);
    expect(problems({ ...flow, nodes: [{ id: '1st', approvers: ['ann'] }] })[0]).toMatch(
      /^nodes\.0\.id: a node id starts with a letter/,
    );
  });

  it('name a model and take a condition tree', () => {
    expect(problems({ ...flow, model: 'Order' })).toEqual([
      'model: expected a model name such as models.Order',
    ]);
    expect(
      problems({ ...flow, condition: { field: 'discount', op: 'bigger', value: 1 } })[0],
    ).toMatch(/^condition/);
  });
});

describe('approval events', () => {
  it('parse with the options of their timing', () => {
    expect(parseElement('e.json', onApproved)).toMatchObject({
      ok: true,
      definition: { kind: 'approval', async: false, enabled: false },
    });
    expect(
      problems({ ...onApproved, timing: 'nodeChanged', toStatuses: undefined, nodes: ['finance'] }),
    ).toEqual([]);
    expect(
      problems({
        ...onApproved,
        timing: 'afterAction',
        toStatuses: undefined,
        actions: ['approve', 'transfer'],
      }),
    ).toEqual([]);
  });

  it('refuse options of another timing, unknown statuses and actions', () => {
    expect(problems({ ...onApproved, nodes: ['finance'] })).toEqual([
      'nodes: nodes applies to nodeChanged only',
    ]);
    expect(problems({ ...onApproved, timing: 'afterAction' })).toEqual([
      'toStatuses: toStatuses applies to statusChanged only',
    ]);
    expect(
      problems({ ...onApproved, timing: 'nodeChanged', toStatuses: [], actions: ['approve'] }),
    ).toEqual(['actions: actions applies to afterAction only']);
    expect(problems({ ...onApproved, toStatuses: ['done'] })[0]).toMatch(/^toStatuses\.0/);
    expect(
      problems({
        ...onApproved,
        timing: 'afterAction',
        toStatuses: undefined,
        actions: ['escalate'],
      })[0],
    ).toMatch(/^actions\.0/);
    expect(problems({ ...onApproved, flow: 'models.Order' })).toEqual([
      'flow: expected an approval flow name such as approvals.Discount',
    ]);
    expect(problems({ ...onApproved, retry: { attempts: 2, backoffMs: 10 } })).toEqual([
      'retry: retry applies to async events only',
    ]);
  });
});

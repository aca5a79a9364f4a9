import type { Field } from '@whenthen/schema';
import { describe, expect, it } from 'vitest';
import {
  approverFromKey,
  approverKey,
  changeModel,
  flowErrorKey,
  flowErrorsOf,
  flowToSave,
  freeNodeId,
  moveItem,
  validateFlow,
  type FlowDraft,
} from './flow-draft';

const users = [{ id: 'ann', name: 'Ann' }, { id: 'bob' }, { id: 'cid' }];
const orderFields: Field[] = [
  { name: 'discount', type: 'number' },
  { name: 'owner', type: 'text' },
  { name: 'qty', type: 'integer' },
];
const messages = { modelRequired: 'choose a model', modelUnknown: 'no such model' };
const check = (draft: FlowDraft, fields: Field[] | null = orderFields) =>
  validateFlow(draft, { users, fields, messages });

const flow = (over: Partial<FlowDraft> = {}): FlowDraft => ({
  type: 'approval',
  title: 'Discount approval',
  model: 'models.Order',
  condition: { field: 'discount', op: 'gt', value: 0.3 },
  nodes: [
    { id: 'manager', title: 'Sales manager', approvers: ['ann'], mode: 'any' },
    { id: 'finance', title: 'Finance', approvers: ['bob', 'cid'], mode: 'all' },
  ],
  ...over,
});

describe('validateFlow', () => {
  it('accepts the demo flow', () => {
    expect(check(flow())).toEqual({});
  });

  it('names an unknown user beside the node that lists it', () => {
    const errors = check(flow({ nodes: [{ id: 'n', approvers: ['ann', 'zed'], mode: 'any' }] }));
    expect(errors).toEqual({
      'nodes.0.approvers': ['unknown user "zed"; the application has ann, bob, cid'],
    });
  });

  it('refuses a field approver that is not a text or enum field, or no field at all', () => {
    const errors = check(
      flow({ nodes: [{ id: 'n', approvers: [{ field: 'qty' }, { field: 'nope' }], mode: 'any' }] }),
    );
    expect(errors['nodes.0.approvers']).toEqual([
      'field "qty" is integer; an approver field holds a user id (text or enum)',
      'models.Order has no field "nope"',
    ]);
    expect(
      check(flow({ nodes: [{ id: 'n', approvers: [{ field: 'owner' }], mode: 'any' }] })),
    ).toEqual({});
  });

  it('reports duplicate and malformed node ids, empty approvers and no nodes on the node', () => {
    const errors = check(
      flow({
        nodes: [
          { id: 'a', approvers: ['ann'], mode: 'any' },
          { id: 'a', approvers: [], mode: 'any' },
          { id: '9x', approvers: ['bob'], mode: 'any' },
        ],
      }),
    );
    expect(errors['nodes.1.id']).toEqual(['duplicate node id "a"']);
    expect(errors['nodes.1.approvers']).toEqual(['a node needs at least one approver']);
    expect(errors['nodes.2.id']?.[0]).toMatch(/starts with a letter/);
    expect(check(flow({ nodes: [] })).nodes).toEqual(['a flow needs at least one node']);
  });

  it('checks the condition against the model and says when the model is missing', () => {
    expect(
      check(flow({ condition: { field: 'nope', op: 'eq', value: 1 } })).condition?.[0],
    ).toMatch(/nope/);
    expect(check(flow({ model: '' })).model).toEqual(['choose a model']);
    expect(check(flow(), null).model).toEqual(['no such model']);
  });
});

describe('flow edits', () => {
  it('leaves out an empty title, condition and node titles when saving, keeping other keys', () => {
    const saved = flowToSave(
      flow({
        title: '  ',
        condition: null,
        extra: 1,
        nodes: [{ id: 'n', title: '', approvers: ['ann'], mode: 'any' }],
      }),
    );
    expect(saved).toEqual({
      type: 'approval',
      model: 'models.Order',
      extra: 1,
      nodes: [{ id: 'n', approvers: ['ann'], mode: 'any' }],
    });
  });

  it('a new model drops the condition and the field approvers', () => {
    const next = changeModel(
      flow({ nodes: [{ id: 'n', approvers: ['ann', { field: 'owner' }], mode: 'any' }] }),
      'models.Customer',
    );
    expect(next.condition).toBeNull();
    expect(next.nodes[0]!.approvers).toEqual(['ann']);
  });

  it('finds a free node id and moves items', () => {
    expect(freeNodeId([{ id: 'step2', approvers: ['ann'], mode: 'any' }])).toBe('step3');
    expect(
      freeNodeId([
        { id: 'Step1', approvers: ['ann'], mode: 'any' },
        { id: 'x', approvers: ['ann'], mode: 'any' },
      ]),
    ).toBe('step3');
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b'], 1, 2)).toEqual(['a', 'b']);
  });

  it('turns approvers into picker keys and back', () => {
    expect(approverKey('ann')).toBe('user:ann');
    expect(approverKey({ field: 'owner' })).toBe('field:owner');
    expect(approverFromKey('user:ann')).toBe('ann');
    expect(approverFromKey('field:owner')).toEqual({ field: 'owner' });
  });
});

describe('server problems', () => {
  it('land beside the node field they name', () => {
    expect(flowErrorKey('definition.nodes.1.approvers.0')).toBe('nodes.1.approvers');
    expect(flowErrorKey('definition.nodes.0')).toBe('nodes.0.id');
    expect(flowErrorKey('definition.nodes')).toBe('nodes');
    expect(flowErrorKey('definition.condition.and.0.value')).toBe('condition');
    expect(flowErrorKey('name')).toBe('_');
    expect(
      flowErrorsOf([
        { field: 'definition.nodes.0.approvers.1', reason: 'unknown user "zed"' },
        { field: 'version', reason: 'stale' },
      ]),
    ).toEqual({ 'nodes.0.approvers': ['unknown user "zed"'], _: ['version: stale'] });
  });
});

import { describe, expect, it } from 'vitest';
import type { FlowInfo } from './approval-data';
import { needsApproval } from './SubmitForApproval';

const flow = (condition: FlowInfo['condition']): FlowInfo => ({
  name: 'approvals.Discount',
  short: 'Discount',
  title: 'Discount approval',
  model: 'models.Order',
  condition,
  nodes: [],
  problems: [],
});

describe('needsApproval', () => {
  it('follows the flow’s condition, and any record needs a flow without one', () => {
    const discount = flow({ field: 'discount', op: 'gt', value: 0.3 });
    expect(needsApproval(discount, { id: 1, discount: 0.4 })).toBe(true);
    expect(needsApproval(discount, { id: 2, discount: 0.2 })).toBe(false);
    expect(needsApproval(discount, { id: 3, discount: null })).toBe(false);
    expect(needsApproval(flow(null), { id: 4 })).toBe(true);
  });
});

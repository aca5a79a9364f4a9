import { describe, expect, it } from 'vitest';
import { buildAppTypings } from '../monaco/app-typings';
import { buildApprovalTypings } from './approval-typings';

const flows = [
  {
    short: 'Discount',
    title: 'Discount approval',
    model: 'models.Order',
    nodes: [
      { id: 'manager', title: 'Sales manager', approvers: ['ann'], mode: 'any' as const },
      { id: 'finance', approvers: ['bob'], mode: 'all' as const },
    ],
  },
];

describe('buildApprovalTypings', () => {
  const text = buildApprovalTypings(flows);

  it('puts each flow on app.approvals with submit, act and get', () => {
    expect(text).toContain('Discount: ApprovalFlowApi;');
    expect(text).toMatch(
      /submit\(input: \{ recordId: number; user: string; comment\?: string \}\): Promise<ApprovalInstance>;/,
    );
    expect(text).toContain('get(instanceId: number): Promise<ApprovalDetail | null>;');
    expect(text).toContain('interface App {\n  approvals: AppApprovals;\n}');
  });

  it('documents the flow with its model and nodes', () => {
    expect(text).toContain('Discount approval — models.Order — manager (Sales manager) → finance');
  });

  it('types the payload with the record and the timing', () => {
    expect(text).toContain(
      'interface ApprovalEvent<T = any, Timing extends ApprovalTiming = ApprovalTiming>',
    );
    expect(text).toContain('record: T | null;');
    expect(text).toContain('prevStatus: ApprovalStatus | null;');
  });

  it('is a global script that merges into the App of the app typings', () => {
    const both = buildAppTypings([], []) + text;
    expect(both).not.toMatch(/^\s*(import|export)\s/m);
    expect(both.match(/^interface App \{/gm)).toHaveLength(2);
  });
});

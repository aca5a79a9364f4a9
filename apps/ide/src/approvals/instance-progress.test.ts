import { describe, expect, it } from 'vitest';
import type { ApprovalHistoryEntry, ApprovalTask } from './approvals-api';
import { instanceProgress, openTaskOf } from './instance-progress';

const nodes = [
  { id: 'manager', approvers: ['ann'], mode: 'any' as const },
  { id: 'finance', approvers: ['bob', 'cid'], mode: 'all' as const },
];
const task = (
  id: number,
  node: string,
  assignee: string,
  status: ApprovalTask['status'],
): ApprovalTask => ({
  id,
  instanceId: 1,
  node,
  assignee,
  status,
  comment: null,
  transferredTo: null,
  createdAt: '2024-01-01T00:00:00.000Z',
  doneAt: null,
});
const entry = (
  action: ApprovalHistoryEntry['action'],
  node: string | null,
): ApprovalHistoryEntry => ({
  id: 1,
  instanceId: 1,
  action,
  user: 'ann',
  comment: null,
  to: null,
  taskId: null,
  node,
  status: 'pending',
  nextNode: null,
  requestId: 'r',
  at: '2024-01-01T00:00:00.000Z',
});

describe('instanceProgress', () => {
  it('marks nodes done, current and waiting for a pending instance', () => {
    const p = instanceProgress({
      nodes,
      status: 'pending',
      node: 'finance',
      history: [entry('submit', null), entry('approve', 'manager')],
      tasks: [
        task(1, 'manager', 'ann', 'approved'),
        task(2, 'finance', 'bob', 'open'),
        task(3, 'finance', 'cid', 'open'),
      ],
    });
    expect(p.at).toBe(1);
    expect(p.nodes.map((n) => n.state)).toEqual(['done', 'current']);
    expect(p.nodes[1]!.tasks.map((t) => t.assignee)).toEqual(['bob', 'cid']);
  });

  it('marks the node that rejected, and the rest waiting', () => {
    const p = instanceProgress({
      nodes,
      status: 'rejected',
      node: null,
      history: [entry('submit', null), entry('reject', 'manager')],
      tasks: [],
    });
    expect(p.nodes.map((n) => n.state)).toEqual(['rejected', 'waiting']);
  });

  it('a withdrawn instance skips what was left; an approved one is done everywhere', () => {
    const withdrawn = instanceProgress({
      nodes,
      status: 'withdrawn',
      node: null,
      history: [entry('submit', null), entry('approve', 'manager'), entry('withdraw', 'finance')],
      tasks: [],
    });
    expect(withdrawn.nodes.map((n) => n.state)).toEqual(['done', 'skipped']);
    const approved = instanceProgress({
      nodes,
      status: 'approved',
      node: null,
      history: [],
      tasks: [],
    });
    expect(approved.nodes.map((n) => n.state)).toEqual(['done', 'done']);
  });
});

describe('openTaskOf', () => {
  const detail = {
    status: 'pending' as const,
    node: 'finance',
    tasks: [
      task(1, 'manager', 'bob', 'approved'),
      task(2, 'finance', 'bob', 'open'),
      task(3, 'finance', 'cid', 'approved'),
    ],
  };
  it('finds only an open task of the user at the current node', () => {
    expect(openTaskOf(detail, 'bob')?.id).toBe(2);
    expect(openTaskOf(detail, 'cid')).toBeNull();
    expect(openTaskOf({ ...detail, status: 'approved' }, 'bob')).toBeNull();
    expect(openTaskOf(detail, null)).toBeNull();
  });
});

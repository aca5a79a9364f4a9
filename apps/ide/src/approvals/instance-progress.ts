import type { ApprovalNode, ApprovalStatus } from '@whenthen/schema';
import type { ApprovalDetail, ApprovalTask } from './approvals-api';

export type NodeProgress = {
  node: ApprovalNode;
  state: 'done' | 'current' | 'rejected' | 'waiting' | 'skipped';
  /** The tasks made at this node, in the order they were opened (transfers included). */
  tasks: ApprovalTask[];
};

/**
 * Where an instance stands along its nodes: done before the node it is at (or ended at), the
 * current one while pending, the one that rejected, waiting after; a withdrawn instance leaves the
 * rest skipped. The node an ended instance stopped at is the node of its last action.
 */
export function instanceProgress(
  detail: Pick<ApprovalDetail, 'nodes' | 'status' | 'node' | 'history' | 'tasks'>,
): {
  nodes: NodeProgress[];
  /** The index of the node the instance is at (pending) or ended at; null if none. */
  at: number | null;
  status: ApprovalStatus;
} {
  const index = (id: string | null) => {
    if (id === null) return null;
    const i = detail.nodes.findIndex((n) => n.id === id);
    return i < 0 ? null : i;
  };
  const last = detail.history[detail.history.length - 1];
  const at = detail.status === 'pending' ? index(detail.node) : index(last?.node ?? null);
  const nodes = detail.nodes.map((node, i): NodeProgress => {
    const tasks = detail.tasks.filter((t) => t.node === node.id);
    let state: NodeProgress['state'];
    if (detail.status === 'approved') state = 'done';
    else if (at === null || i > at) state = detail.status === 'withdrawn' ? 'skipped' : 'waiting';
    else if (i < at) state = 'done';
    else if (detail.status === 'pending') state = 'current';
    else if (detail.status === 'rejected') state = 'rejected';
    else state = 'skipped';
    return { node, state, tasks };
  });
  return { nodes, at, status: detail.status };
}

/** The open task the user may act on at the instance's current node, if any. */
export function openTaskOf(
  detail: Pick<ApprovalDetail, 'status' | 'node' | 'tasks'>,
  user: string | null,
): ApprovalTask | null {
  if (!user || detail.status !== 'pending') return null;
  return (
    detail.tasks.find(
      (t) => t.status === 'open' && t.assignee === user && t.node === detail.node,
    ) ?? null
  );
}

import type { ApprovalNode } from '@whenthen/schema';

type FlowShape = { short: string; title: string; model: string; nodes: readonly ApprovalNode[] };

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const key = (name: string) => (IDENT.test(name) ? name : JSON.stringify(name));
const comment = (text: string) => text.replace(/\*\//g, '*\\/');

/**
 * Ambient declarations for approvals in handler code, appended to the app typings (a global
 * script): `ApprovalEvent<Record, Timing>` for an approval event's payload and
 * `app.approvals.<Flow>.submit/act/get` (merged into `App`). Shapes follow the REST API.
 */
export function buildApprovalTypings(flows: readonly FlowShape[]): string {
  const out: string[] = [];
  out.push(`type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';
type ApprovalAction = 'submit' | 'approve' | 'reject' | 'transfer' | 'withdraw';
type ApprovalTiming = 'statusChanged' | 'nodeChanged' | 'afterAction';
/** An approval instance: pending at a node until it ends approved, rejected or withdrawn. */
interface ApprovalInstance {
  id: number;
  flow: string;
  model: string;
  recordId: number;
  status: ApprovalStatus;
  /** The current node while pending, null once ended. */
  node: string | null;
  nodeTitle: string | null;
  submittedBy: string;
  /** Users with an open task at the current node. */
  assignees: string[];
  createdAt: string;
  updatedAt: string;
  endedAt: string | null;
}
interface ApprovalHistoryEntry {
  id: number;
  action: ApprovalAction;
  user: string;
  comment: string | null;
  to: string | null;
  node: string | null;
  status: ApprovalStatus;
  nextNode: string | null;
  requestId: string;
  at: string;
}
interface ApprovalTask {
  id: number;
  node: string;
  assignee: string;
  status: 'open' | 'approved' | 'rejected' | 'transferred' | 'cancelled';
  comment: string | null;
}
interface ApprovalDetail extends ApprovalInstance {
  nodes: { id: string; title?: string; approvers: (string | { field: string })[]; mode: 'any' | 'all' }[];
  history: ApprovalHistoryEntry[];
  tasks: ApprovalTask[];
}
/** What an approval event's handler receives. */
interface ApprovalEvent<T = any, Timing extends ApprovalTiming = ApprovalTiming> {
  /** The occurrence's id: the same on every retry, an idempotency key. */
  id: string;
  /** Shared by every run set off by one request. */
  requestId: string;
  depth: number;
  /** The flow's full name, e.g. approvals.Discount. */
  flow: string;
  timing: Timing;
  /** The instance as it is after the action. */
  instance: ApprovalInstance;
  /** The record the instance is about, as stored (null if it was deleted). */
  record: T | null;
  status: ApprovalStatus;
  /** The status before the action (null on submit). */
  prevStatus: ApprovalStatus | null;
  node: string | null;
  prevNode: string | null;
  action: { type: ApprovalAction; user: string; comment: string | null; to?: string };
}
/** One approval flow; every action names the acting user. */
interface ApprovalFlowApi {
  /** Submits a record for approval (refused if it does not meet the flow's condition or has an open instance). */
  submit(input: { recordId: number; user: string; comment?: string }): Promise<ApprovalInstance>;
  /** Approves, rejects, transfers (to) or withdraws; refused if the user may not act or the task is done. */
  act(
    instanceId: number,
    input: { action: 'approve' | 'reject' | 'transfer' | 'withdraw'; user: string; comment?: string; to?: string; task?: number },
  ): Promise<ApprovalInstance>;
  /** The instance with its nodes, history and tasks, or null. */
  get(instanceId: number): Promise<ApprovalDetail | null>;
}`);
  out.push('interface AppApprovals {');
  for (const flow of flows) {
    const nodes = flow.nodes.map((n) => (n.title ? `${n.id} (${n.title})` : n.id)).join(' → ');
    out.push(
      `  /** ${comment([flow.title !== flow.short ? flow.title : '', flow.model, nodes].filter(Boolean).join(' — '))} */`,
    );
    out.push(`  ${key(flow.short)}: ApprovalFlowApi;`);
  }
  out.push('}');
  out.push('interface App {\n  approvals: AppApprovals;\n}');
  return `${out.join('\n')}\n`;
}

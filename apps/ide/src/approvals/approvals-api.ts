import type { ApprovalAction, ApprovalNode, ApprovalStatus } from '@whenthen/schema';
import { api, seg } from '../api/client';
import type { Page } from '../api/types';

/** A user of the application (app.json `users`): who submits and who approves. */
export type AppUser = { id: string; name?: string };

/** An approval instance as the server returns it; `node` is null once it has ended. */
export type ApprovalInstance = {
  id: number;
  flow: string;
  model: string;
  recordId: number;
  status: ApprovalStatus;
  node: string | null;
  nodeTitle: string | null;
  submittedBy: string;
  /** Who holds an open task at the current node. */
  assignees: string[];
  createdAt: string;
  updatedAt: string;
  endedAt: string | null;
};

export type ApprovalTaskStatus = 'open' | 'approved' | 'rejected' | 'transferred' | 'cancelled';

export type ApprovalTask = {
  id: number;
  instanceId: number;
  node: string;
  assignee: string;
  status: ApprovalTaskStatus;
  comment: string | null;
  transferredTo: string | null;
  createdAt: string;
  doneAt: string | null;
};

/** One action on an instance; `requestId` finds the runs it set off. */
export type ApprovalHistoryEntry = {
  id: number;
  instanceId: number;
  action: ApprovalAction;
  user: string;
  comment: string | null;
  to: string | null;
  taskId: number | null;
  node: string | null;
  status: ApprovalStatus;
  nextNode: string | null;
  requestId: string;
  at: string;
};

export type ApprovalDetail = ApprovalInstance & {
  /** The nodes as they were when the instance was submitted. */
  nodes: ApprovalNode[];
  history: ApprovalHistoryEntry[];
  tasks: ApprovalTask[];
};

/** What submit and act answer: the instance after the action and the request it ran in. */
export type ActionResult = ApprovalInstance & { requestId: string };

export type ActInput = {
  action: Exclude<ApprovalAction, 'submit'>;
  user: string;
  comment?: string;
  to?: string;
  /** The task the user acts on, so a second click on a finished task is refused (409). */
  task?: number;
};

export type InstanceQuery = {
  flow?: string;
  status?: ApprovalStatus;
  assignee?: string;
  recordId?: number;
  limit?: number;
  offset?: number;
};

/** The approval routes of DESIGN §8 and the application's users. */
export const approvalsApi = {
  users: () => api.get<Page<AppUser>>('/users'),
  submit: (flow: string, input: { recordId: number; user: string; comment?: string }) =>
    api.post<ActionResult>(`/approvals/${seg(flow)}/instances`, input),
  act: (id: number, input: ActInput) =>
    api.post<ActionResult>(`/approvals/instances/${seg(id)}/actions`, input),
  list: (q: InstanceQuery) => api.get<Page<ApprovalInstance>>('/approvals/instances', q),
  get: (id: number) => api.get<ApprovalDetail>(`/approvals/instances/${seg(id)}`),
};

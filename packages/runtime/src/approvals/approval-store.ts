import type { ApprovalAction, ApprovalNode, ApprovalStatus } from '@whenthen/schema';
import type { Sqlite } from '../data/database.js';

export type TaskStatus = 'open' | 'approved' | 'rejected' | 'transferred' | 'cancelled';

/** An approval instance as the API returns it. `node` is the current node while pending, else null. */
export type ApprovalInstance = {
  id: number;
  flow: string;
  model: string;
  recordId: number;
  status: ApprovalStatus;
  node: string | null;
  nodeTitle: string | null;
  submittedBy: string;
  /** Who has an open task at the current node, in the order the tasks were made. */
  assignees: string[];
  createdAt: string;
  updatedAt: string;
  endedAt: string | null;
};

/** One user's part at one node: open until they act, or it is transferred or cancelled. */
export type ApprovalTask = {
  id: number;
  instanceId: number;
  node: string;
  assignee: string;
  status: TaskStatus;
  comment: string | null;
  /** For a transferred task: who took it over. */
  transferredTo: string | null;
  createdAt: string;
  doneAt: string | null;
};

/** One action on an instance: who did what, where, what it led to, and the request it ran in. */
export type ApprovalHistoryEntry = {
  id: number;
  instanceId: number;
  action: ApprovalAction;
  user: string;
  comment: string | null;
  to: string | null;
  taskId: number | null;
  /** The node the action was taken at (null for submit). */
  node: string | null;
  /** Status and node right after the action. */
  status: ApprovalStatus;
  nextNode: string | null;
  requestId: string;
  at: string;
};

export type ApprovalDetail = ApprovalInstance & {
  /** The flow's nodes as they were when the instance was submitted; the instance follows these. */
  nodes: ApprovalNode[];
  history: ApprovalHistoryEntry[];
  tasks: ApprovalTask[];
};

export type ApprovalFilter = {
  flow?: string;
  status?: ApprovalStatus;
  /** Instances with an open task for this user. */
  assignee?: string;
  recordId?: number;
  limit?: number;
  offset?: number;
};

/** The instance row with its node snapshot, as the engine works on it. */
export type InstanceRow = Omit<ApprovalInstance, 'nodeTitle' | 'assignees'> & {
  nodes: ApprovalNode[];
};

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/**
 * Approval instances, their tasks and their history in the application's database. At most one
 * pending instance per (flow, model, record) is enforced by a partial unique index as well as by the engine.
 */
export class ApprovalStore {
  private readonly stmts;

  constructor(private readonly db: Sqlite) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS wt_approval_instances (
        id INTEGER PRIMARY KEY AUTOINCREMENT, flow TEXT NOT NULL, model TEXT NOT NULL, record_id INTEGER NOT NULL,
        status TEXT NOT NULL, node TEXT, submitted_by TEXT NOT NULL, nodes TEXT NOT NULL,
        created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, ended_at INTEGER
      );
      -- One pending instance per record of the flow's model: a flow whose model was changed keeps its
      -- pending instances on the old model, and they must not block records of the new one.
      DROP INDEX IF EXISTS wt_approval_open;
      CREATE UNIQUE INDEX IF NOT EXISTS wt_approval_open_record ON wt_approval_instances (flow, model, record_id) WHERE status = 'pending';
      CREATE INDEX IF NOT EXISTS wt_approval_by_flow ON wt_approval_instances (flow, status, id);
      CREATE INDEX IF NOT EXISTS wt_approval_by_status ON wt_approval_instances (status, id);
      CREATE INDEX IF NOT EXISTS wt_approval_pending_record ON wt_approval_instances (model, record_id) WHERE status = 'pending';
      CREATE TABLE IF NOT EXISTS wt_approval_tasks (
        id INTEGER PRIMARY KEY AUTOINCREMENT, instance_id INTEGER NOT NULL, node TEXT NOT NULL, assignee TEXT NOT NULL,
        status TEXT NOT NULL, comment TEXT, transferred_to TEXT, created_at INTEGER NOT NULL, done_at INTEGER
      );
      CREATE INDEX IF NOT EXISTS wt_approval_tasks_instance ON wt_approval_tasks (instance_id, id);
      CREATE INDEX IF NOT EXISTS wt_approval_tasks_open ON wt_approval_tasks (assignee, status, instance_id);
      CREATE TABLE IF NOT EXISTS wt_approval_history (
        id INTEGER PRIMARY KEY AUTOINCREMENT, instance_id INTEGER NOT NULL, action TEXT NOT NULL, actor TEXT NOT NULL,
        comment TEXT, to_user TEXT, task_id INTEGER, node TEXT, status TEXT NOT NULL, next_node TEXT,
        request_id TEXT NOT NULL, at INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS wt_approval_history_instance ON wt_approval_history (instance_id, id);
    `);
    this.stmts = {
      insertInstance: db.prepare(
        `INSERT INTO wt_approval_instances (flow, model, record_id, status, node, submitted_by, nodes, created_at, updated_at)
         VALUES (?, ?, ?, 'pending', ?, ?, ?, ?, ?)`,
      ),
      getInstance: db.prepare('SELECT * FROM wt_approval_instances WHERE id = ?'),
      pendingForRecord: db.prepare(
        `SELECT * FROM wt_approval_instances WHERE model = ? AND record_id = ? AND status = 'pending' ORDER BY id`,
      ),
      openFor: db.prepare(
        `SELECT * FROM wt_approval_instances WHERE flow = ? AND model = ? AND record_id = ? AND status = 'pending'`,
      ),
      moveInstance: db.prepare(
        `UPDATE wt_approval_instances SET status = ?, node = ?, updated_at = ?, ended_at = ? WHERE id = ? AND status = 'pending'`,
      ),
      insertTask: db.prepare(
        'INSERT INTO wt_approval_tasks (instance_id, node, assignee, status, created_at) VALUES (?, ?, ?, ?, ?)',
      ),
      closeTask: db.prepare(
        `UPDATE wt_approval_tasks SET status = ?, comment = ?, transferred_to = ?, done_at = ? WHERE id = ? AND status = 'open'`,
      ),
      cancelOpen: db.prepare(
        `UPDATE wt_approval_tasks SET status = 'cancelled', done_at = ? WHERE instance_id = ? AND status = 'open'`,
      ),
      tasksOf: db.prepare('SELECT * FROM wt_approval_tasks WHERE instance_id = ? ORDER BY id'),
      openAssignees: db
        .prepare(
          `SELECT assignee FROM wt_approval_tasks WHERE instance_id = ? AND status = 'open' ORDER BY id`,
        )
        .pluck(),
      insertHistory: db.prepare(
        `INSERT INTO wt_approval_history (instance_id, action, actor, comment, to_user, task_id, node, status, next_node, request_id, at)
         VALUES (@instanceId, @action, @user, @comment, @to, @taskId, @node, @status, @nextNode, @requestId, @at)`,
      ),
      historyOf: db.prepare('SELECT * FROM wt_approval_history WHERE instance_id = ? ORDER BY id'),
    };
  }

  insert(
    row: {
      flow: string;
      model: string;
      recordId: number;
      node: string;
      submittedBy: string;
      nodes: ApprovalNode[];
    },
    now: number,
  ): number {
    const info = this.stmts.insertInstance.run(
      row.flow,
      row.model,
      row.recordId,
      row.node,
      row.submittedBy,
      JSON.stringify(row.nodes),
      now,
      now,
    );
    return Number(info.lastInsertRowid);
  }

  get(id: number): InstanceRow | null {
    const r = this.stmts.getInstance.get(id) as Record<string, unknown> | undefined;
    return r ? instanceRow(r) : null;
  }

  /** The pending instances of a record, of any flow. */
  pendingFor(model: string, recordId: number): InstanceRow[] {
    return (this.stmts.pendingForRecord.all(model, recordId) as Record<string, unknown>[]).map(
      instanceRow,
    );
  }

  openFor(flow: string, model: string, recordId: number): InstanceRow | null {
    const r = this.stmts.openFor.get(flow, model, recordId) as Record<string, unknown> | undefined;
    return r ? instanceRow(r) : null;
  }

  /** Moves a pending instance; false when it was no longer pending (someone else finished it). */
  move(id: number, status: ApprovalStatus, node: string | null, now: number): boolean {
    return (
      this.stmts.moveInstance.run(status, node, now, status === 'pending' ? null : now, id)
        .changes === 1
    );
  }

  addTask(instanceId: number, node: string, assignee: string, now: number): number {
    return Number(
      this.stmts.insertTask.run(instanceId, node, assignee, 'open', now).lastInsertRowid,
    );
  }

  /** Closes an open task; false when it was not open any more. */
  closeTask(
    id: number,
    status: Exclude<TaskStatus, 'open'>,
    comment: string | null,
    transferredTo: string | null,
    now: number,
  ): boolean {
    return this.stmts.closeTask.run(status, comment, transferredTo, now, id).changes === 1;
  }

  cancelOpenTasks(instanceId: number, now: number): void {
    this.stmts.cancelOpen.run(now, instanceId);
  }

  tasks(instanceId: number): ApprovalTask[] {
    return (this.stmts.tasksOf.all(instanceId) as Record<string, unknown>[]).map(taskRow);
  }

  addHistory(entry: Omit<ApprovalHistoryEntry, 'id' | 'at'>, now: number): void {
    this.stmts.insertHistory.run({ ...entry, at: now });
  }

  history(instanceId: number): ApprovalHistoryEntry[] {
    return (this.stmts.historyOf.all(instanceId) as Record<string, unknown>[]).map(historyRow);
  }

  /** The instance as the API shows it: with the current node's title and its open assignees. */
  view(row: InstanceRow): ApprovalInstance {
    const { nodes, ...rest } = row;
    const node = row.node === null ? null : nodes.find((n) => n.id === row.node);
    return {
      ...rest,
      nodeTitle: node ? (node.title ?? node.id) : null,
      assignees: row.status === 'pending' ? (this.stmts.openAssignees.all(row.id) as string[]) : [],
    };
  }

  detail(id: number): ApprovalDetail | null {
    const row = this.get(id);
    if (!row) return null;
    return {
      ...this.view(row),
      nodes: row.nodes,
      history: this.history(id),
      tasks: this.tasks(id),
    };
  }

  /** Newest first. */
  list(f: ApprovalFilter): { total: number; items: ApprovalInstance[] } {
    const where: string[] = [];
    const params: unknown[] = [];
    if (f.flow !== undefined) (where.push('i.flow = ?'), params.push(f.flow));
    if (f.status !== undefined) (where.push('i.status = ?'), params.push(f.status));
    if (f.recordId !== undefined) (where.push('i.record_id = ?'), params.push(f.recordId));
    if (f.assignee !== undefined)
      (where.push(
        `EXISTS (SELECT 1 FROM wt_approval_tasks t WHERE t.instance_id = i.id AND t.assignee = ? AND t.status = 'open')`,
      ),
        params.push(f.assignee));
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (
      this.db.prepare(`SELECT count(*) AS n FROM wt_approval_instances i ${w}`).get(...params) as {
        n: number;
      }
    ).n;
    const rows = this.db
      .prepare(`SELECT i.* FROM wt_approval_instances i ${w} ORDER BY i.id DESC LIMIT ? OFFSET ?`)
      .all(...params, f.limit ?? 50, f.offset ?? 0) as Record<string, unknown>[];
    return { total, items: rows.map((r) => this.view(instanceRow(r))) };
  }
}

function instanceRow(r: Record<string, unknown>): InstanceRow {
  return {
    id: r.id as number,
    flow: r.flow as string,
    model: r.model as string,
    recordId: r.record_id as number,
    status: r.status as ApprovalStatus,
    node: (r.node as string) ?? null,
    submittedBy: r.submitted_by as string,
    nodes: JSON.parse(r.nodes as string) as ApprovalNode[],
    createdAt: iso(r.created_at as number)!,
    updatedAt: iso(r.updated_at as number)!,
    endedAt: iso((r.ended_at as number) ?? null),
  };
}

function taskRow(r: Record<string, unknown>): ApprovalTask {
  return {
    id: r.id as number,
    instanceId: r.instance_id as number,
    node: r.node as string,
    assignee: r.assignee as string,
    status: r.status as TaskStatus,
    comment: (r.comment as string) ?? null,
    transferredTo: (r.transferred_to as string) ?? null,
    createdAt: iso(r.created_at as number)!,
    doneAt: iso((r.done_at as number) ?? null),
  };
}

function historyRow(r: Record<string, unknown>): ApprovalHistoryEntry {
  return {
    id: r.id as number,
    instanceId: r.instance_id as number,
    action: r.action as ApprovalAction,
    user: r.actor as string,
    comment: (r.comment as string) ?? null,
    to: (r.to_user as string) ?? null,
    taskId: (r.task_id as number) ?? null,
    node: (r.node as string) ?? null,
    status: r.status as ApprovalStatus,
    nextNode: (r.next_node as string) ?? null,
    requestId: r.request_id as string,
    at: iso(r.at as number)!,
  };
}

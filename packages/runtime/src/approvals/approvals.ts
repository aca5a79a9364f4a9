import { matches, type ApprovalNode, type ApprovalStatus } from '@whenthen/schema';
import type { Sqlite } from '../data/database.js';
import { notFound, WhenThenError } from '../errors.js';
import { rootChain, type Chain } from '../events/chain.js';
import { dispatch, type DispatchCore } from '../events/dispatch.js';
import { newId } from '../ids.js';
import {
  approvalEventsOf,
  approvalOccurrence,
  fires,
  type ActiveApprovalEvent,
  type ApprovalChange,
} from './approval-events.js';
import {
  actInput,
  conditionText,
  positiveId,
  submitInput,
  valuesText,
  type ActInput,
} from './approval-input.js';
import {
  ApprovalStore,
  type ApprovalDetail,
  type ApprovalFilter,
  type ApprovalInstance,
  type ApprovalTask,
  type InstanceRow,
} from './approval-store.js';

export type ApprovalCore = DispatchCore & { db: Sqlite };
export type AppUser = { id: string; name?: string };

const conflict = (message: string) => new WhenThenError('CONFLICT', message);

/**
 * The approval engine. Every action (submit, approve, reject, transfer, withdraw) is one write
 * scope: the instance, its tasks, its history, the action's record and the approval events it sets
 * off (sync handlers run inside it, async ones are queued in it) commit or roll back together.
 * An action that cannot apply — a finished instance, a task already acted on, a user who is not an
 * assignee — is refused with CONFLICT before anything changes, so it sets off no events.
 */
export class Approvals {
  readonly store: ApprovalStore;

  constructor(private readonly core: ApprovalCore) {
    this.store = new ApprovalStore(core.db);
  }

  /** The application's users (app.json `users`). */
  users(): AppUser[] {
    return (this.core.app().app.users ?? []).map((u) => ({ ...u }));
  }

  private userIds(): string[] {
    return this.users().map((u) => u.id);
  }

  private flow(name: string) {
    const flow = this.core.app().approvals.get(name);
    if (flow) return flow;
    const el = this.core.app().element(name);
    // Full names are case-sensitive in lookups; a near miss says which name exists.
    if (el && el.name !== name)
      throw new WhenThenError(
        'NOT_FOUND',
        `approval flow ${name} not found (did you mean ${el.name}?)`,
      );
    if (el?.group === 'approvals')
      throw conflict(
        `${el.name} has problems: ${el.problems.map((p) => `${p.field}: ${p.reason}`).join('; ')}`,
      );
    throw notFound(`approval flow ${name}`);
  }

  list(filter: ApprovalFilter = {}): { total: number; items: ApprovalInstance[] } {
    return this.store.list(filter);
  }

  /** One instance with its node snapshot, history and tasks. */
  get(id: number): ApprovalDetail {
    const detail = this.store.detail(id);
    if (!detail) throw notFound(`approval instance ${id}`);
    return detail;
  }

  /** Starts an instance for a record: the record must meet the flow's condition and have no open instance of the flow. */
  submit(flowName: string, input: unknown, chain: Chain = rootChain()): ApprovalInstance {
    const flow = this.flow(flowName);
    const { recordId, user, comment } = submitInput(input, this.userIds());
    const def = flow.definition;
    return this.core.scopes.run(() => {
      const store = this.core.app().model(def.model);
      if (!store) throw conflict(`${flow.name}: ${def.model} does not exist or has problems`);
      const record = store.get(recordId);
      if (!record) throw notFound(`${def.model} record ${recordId}`);
      if (flow.condition && !matches(flow.condition, record))
        throw conflict(
          `${def.model} record ${recordId} does not need ${flow.name}: its condition is ${conditionText(flow.condition)}, and ${valuesText(flow.condition, record)}`,
        );
      const open = this.store.openFor(flow.name, def.model, recordId);
      if (open)
        throw conflict(
          `${def.model} record ${recordId} already has an open ${flow.name} instance (${open.id}, at node ${open.node})`,
        );
      const first = def.nodes[0]!;
      const now = Date.now();
      const id = this.store.insert(
        {
          flow: flow.name,
          model: def.model,
          recordId,
          node: first.id,
          submittedBy: user,
          nodes: def.nodes,
        },
        now,
      );
      this.enterNode(id, first, record, now);
      return this.finish(
        this.store.get(id)!,
        {
          prevStatus: null,
          prevNode: null,
          action: { type: 'submit', user, comment },
          taskId: null,
          atNode: null,
        },
        chain,
        now,
      );
    });
  }

  /** Approve, reject or transfer the acting user's task at the current node, or withdraw (the submitter). */
  act(instanceId: unknown, input: unknown, chain: Chain = rootChain()): ApprovalInstance {
    const id = positiveId(instanceId, 'instance');
    const act = actInput(input, this.userIds());
    return this.core.scopes.run(() => {
      const row = this.store.get(id);
      if (!row) throw notFound(`approval instance ${id}`);
      if (row.status !== 'pending')
        throw conflict(
          `approval instance ${id} is already ${row.status}; it takes no more actions`,
        );
      const node = row.nodes.find((n) => n.id === row.node)!;
      const now = Date.now();
      let taskId: number | null = null;
      if (act.action === 'withdraw') {
        if (act.user !== row.submittedBy)
          throw conflict(
            `only the submitter (${row.submittedBy}) may withdraw approval instance ${id}`,
          );
        this.store.cancelOpenTasks(id, now);
        this.move(row, 'withdrawn', null, now);
      } else {
        const task = this.taskFor(row, node, act);
        taskId = task.id;
        if (act.action === 'transfer') this.transfer(row, task, act, now);
        else if (act.action === 'reject') {
          this.close(task, 'rejected', act.comment, null, now);
          this.store.cancelOpenTasks(id, now);
          this.move(row, 'rejected', null, now);
        } else {
          this.close(task, 'approved', act.comment, null, now);
          const waiting = this.store
            .tasks(id)
            .filter((t) => t.status === 'open' && t.node === node.id);
          if (node.mode === 'any' || !waiting.length) this.advance(row, node, now);
        }
      }
      const action = {
        type: act.action,
        user: act.user,
        comment: act.comment,
        ...(act.to !== null ? { to: act.to } : {}),
      };
      return this.finish(
        this.store.get(id)!,
        { prevStatus: row.status, prevNode: row.node, action, taskId, atNode: row.node },
        chain,
        now,
      );
    });
  }

  /** The acting user's open task at the current node, or why there is none (409 naming the user and node). */
  private taskFor(row: InstanceRow, node: ApprovalNode, act: ActInput): ApprovalTask {
    const tasks = this.store.tasks(row.id).filter((t) => t.node === node.id);
    if (act.task !== null) {
      const pinned = this.store.tasks(row.id).find((t) => t.id === act.task);
      if (!pinned) throw notFound(`task ${act.task} of approval instance ${row.id}`);
      if (pinned.assignee !== act.user)
        throw conflict(`task ${pinned.id} is assigned to ${pinned.assignee}, not ${act.user}`);
      if (pinned.status !== 'open')
        throw conflict(
          `task ${pinned.id} of approval instance ${row.id} is already ${pinned.status}`,
        );
      return pinned;
    }
    const open = tasks.find((t) => t.assignee === act.user && t.status === 'open');
    if (open) return open;
    const done = tasks.filter((t) => t.assignee === act.user).pop();
    if (done)
      throw conflict(
        `${act.user} already ${done.status === 'transferred' ? `transferred their task to ${done.transferredTo}` : done.status} at node ${node.id} of approval instance ${row.id}`,
      );
    const assignees = tasks.filter((t) => t.status === 'open').map((t) => t.assignee);
    throw conflict(
      `${act.user} is not an assignee of node ${node.id} of approval instance ${row.id} (assignees: ${assignees.join(', ') || 'none'})`,
    );
  }

  private transfer(row: InstanceRow, task: ApprovalTask, act: ActInput, now: number): void {
    const to = act.to!;
    const atNode = this.store.tasks(row.id).filter((t) => t.node === task.node);
    if (atNode.some((t) => t.assignee === to && t.status === 'open'))
      throw conflict(
        `${to} already has a task at node ${task.node} of approval instance ${row.id}`,
      );
    // In an `all` node every approval must come from a different person: a task handed to someone
    // who already approved here would let one user's two approvals stand for two approvers.
    if (atNode.some((t) => t.assignee === to && t.status === 'approved'))
      throw conflict(
        `${to} already approved at node ${task.node} of approval instance ${row.id}; the task needs someone who has not`,
      );
    this.close(task, 'transferred', act.comment, to, now);
    this.store.addTask(row.id, task.node, to, now);
  }

  /** Closes a task that was open when read; a concurrent close would have taken it first. */
  private close(
    task: ApprovalTask,
    status: 'approved' | 'rejected' | 'transferred',
    comment: string | null,
    to: string | null,
    now: number,
  ): void {
    if (!this.store.closeTask(task.id, status, comment, to, now))
      throw conflict(`task ${task.id} was acted on already`);
  }

  private move(row: InstanceRow, status: ApprovalStatus, node: string | null, now: number): void {
    if (!this.store.move(row.id, status, node, now))
      throw conflict(`approval instance ${row.id} is not pending any more`);
  }

  /** A node is done: cancel what is left of it, go to the next node or end approved after the last. */
  private advance(row: InstanceRow, node: ApprovalNode, now: number): void {
    this.store.cancelOpenTasks(row.id, now);
    const next = row.nodes[row.nodes.findIndex((n) => n.id === node.id) + 1];
    if (!next) return this.move(row, 'approved', null, now);
    const record = this.core.app().model(row.model)?.get(row.recordId) ?? null;
    this.move(row, 'pending', next.id, now);
    this.enterNode(row.id, next, record, now);
  }

  /** Opens one task per approver of the node: user ids as given, `{ field }` read from the record now. */
  private enterNode(
    instanceId: number,
    node: ApprovalNode,
    record: Record<string, unknown> | null,
    now: number,
  ): void {
    const users = this.userIds();
    const assignees: string[] = [];
    for (const a of node.approvers) {
      let user: unknown = a;
      if (typeof a !== 'string') {
        if (!record)
          throw conflict(
            `node ${node.id} takes its approver from field "${a.field}", but the record no longer exists`,
          );
        user = record[a.field] ?? null;
        if (user === null)
          throw conflict(
            `node ${node.id} takes its approver from field "${a.field}", which is empty on record ${String(record.id)}`,
          );
      }
      if (typeof user !== 'string' || !users.includes(user))
        throw conflict(
          `node ${node.id}: approver ${JSON.stringify(user)}${typeof a === 'string' ? '' : ` (field "${a.field}")`} is not a user of the application`,
        );
      if (!assignees.includes(user)) assignees.push(user);
    }
    for (const user of assignees) this.store.addTask(instanceId, node.id, user, now);
  }

  /** Keeps the history, records the action in the chain and sets off the flow's events. */
  private finish(
    row: InstanceRow,
    done: {
      prevStatus: ApprovalStatus | null;
      prevNode: string | null;
      action: ApprovalChange['action'];
      taskId: number | null;
      atNode: string | null;
    },
    chain: Chain,
    now: number,
  ): ApprovalInstance {
    const instance = this.store.view(row);
    const { action } = done;
    this.store.addHistory(
      {
        instanceId: row.id,
        action: action.type,
        user: action.user,
        comment: action.comment,
        to: action.to ?? null,
        taskId: done.taskId,
        node: done.atNode,
        status: row.status,
        nextNode: row.node,
        requestId: chain.requestId,
      },
      now,
    );
    const actionId = newId(now);
    const at = new Date(now).toISOString();
    this.core.scopes.record({
      execution: {
        id: actionId,
        event: row.flow,
        kind: 'approvalAction',
        timing: action.type,
        trigger: {
          flow: row.flow,
          instanceId: row.id,
          action: action.type,
          model: row.model,
          recordId: row.recordId,
        },
        recordId: row.recordId,
        status: 'success',
        skipReason: null,
        mode: 'sync',
        attempt: 1,
        occurrenceId: actionId,
        startedAt: at,
        endedAt: at,
        durationMs: 0,
        handler: `approvals.${action.type}`,
        error: null,
        input: action,
        output: { status: row.status, node: row.node },
        codeVersion: null,
        requestId: chain.requestId,
        parentId: chain.parentId,
        depth: chain.depth + 1,
        rolledBack: false,
      },
      steps: [],
      code: null,
    });
    const change: ApprovalChange = {
      flow: row.flow,
      instance,
      record: this.core.app().model(row.model)?.get(row.recordId) ?? null,
      prevStatus: done.prevStatus,
      prevNode: done.prevNode,
      action,
    };
    const subChain: Chain = { ...chain, parentId: actionId, depth: chain.depth + 1 };
    dispatch(this.core, approvalEventsOf(this.core.app(), row.flow), subChain, (ev) =>
      fires(ev as ActiveApprovalEvent, change)
        ? approvalOccurrence(ev as ActiveApprovalEvent, change)
        : null,
    );
    // Sync handlers may have acted on the instance again (a nested action): answer with where it stands now.
    return this.store.view(this.store.get(row.id)!);
  }

  /** `app.approvals.<Flow>.submit({ recordId, user })`, `.act(id, { action, user, ... })`, `.get(id)` from handler code. */
  fromCode(flowName: string, method: string, args: unknown[], chain: Chain): unknown {
    if (method === 'submit') return this.submit(flowName, args[0], chain);
    if (method === 'act' || method === 'get') {
      const id = positiveId(args[0], 'instance');
      const row = this.store.get(id);
      if (!row || row.flow !== flowName) {
        if (method === 'get') return null;
        throw notFound(`approval instance ${id} of ${flowName}`);
      }
      return method === 'get' ? this.get(id) : this.act(id, args[1], chain);
    }
    throw new WhenThenError(
      'NOT_FOUND',
      `app.${flowName}.${method} does not exist; approval flows offer submit, act and get`,
    );
  }
}

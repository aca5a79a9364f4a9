import {
  checkCondition,
  type Condition,
  type ModelEventDefinition,
  type ModelTiming,
} from '@whenthen/schema';
import type { ActiveEvent } from '../app/application.js';
import { notFound, validationError, WhenThenError } from '../errors.js';
import { rootChain, type Chain } from '../events/chain.js';
import { fires, modelPayload, type ModelChange, type WriteOp } from '../events/model-events.js';
import { dispatch, runNow, type DispatchCore, type Occurrence } from '../events/dispatch.js';
import { changedFields } from './field-changes.js';
import type { ModelStore, QueryOptions, Row } from './model-store.js';
import { checkRequired, checkValues, emptyRow } from './values.js';
import type { RunDraft } from '../records/types.js';

export type DataCore = DispatchCore & {
  /** The record's pending approval instances (it is not deleted while one waits). */
  pendingApprovals?(
    model: string,
    recordId: number,
  ): { id: number; flow: string; submittedBy: string }[];
};

type Batch = ModelChange['batch'];
type ActiveModelEvent = ActiveEvent<ModelEventDefinition>;

const AFTER: Record<WriteOp, readonly ModelTiming[]> = {
  create: ['afterCreate', 'afterWrite'],
  update: ['afterUpdate', 'afterWrite'],
  delete: ['afterDelete', 'afterWrite'],
};
const BEFORE: Record<WriteOp, ModelTiming> = {
  create: 'beforeCreate',
  update: 'beforeUpdate',
  delete: 'beforeDelete',
};

/**
 * The data API: every write runs its model events exactly as DESIGN §5 says — before handlers in
 * order on the pending row, the write, then after handlers (sync in the transaction, async queued in
 * the same transaction). Bulk writes are that many single writes in one transaction.
 */
export class DataApi {
  constructor(private readonly core: DataCore) {}

  private store(model: string): ModelStore {
    const store = this.core.app().model(model);
    if (!store) throw notFound(`model ${model}`);
    return store;
  }

  private where(store: ModelStore, where: unknown, required: boolean): Condition | undefined {
    if (where === undefined || where === null) {
      if (required)
        throw validationError([
          { field: 'where', reason: 'a condition is required for bulk writes' },
        ]);
      return undefined;
    }
    const checked = checkCondition(where, store.spec.fields, 'where');
    if (!checked.ok) throw validationError(checked.problems);
    return checked.condition;
  }

  get(model: string, id: number): Row | null {
    return this.store(model).get(id);
  }

  query(model: string, where?: unknown, opts: unknown = {}): { total: number; items: Row[] } {
    const store = this.store(model);
    const w = this.where(store, where, false);
    const options = checkQueryOptions(opts);
    return { total: store.count(w), items: store.query(w, options) };
  }

  count(model: string, where?: unknown): number {
    const store = this.store(model);
    return store.count(this.where(store, where, false));
  }

  create(model: string, values: unknown, chain: Chain = rootChain(), batch: Batch = null): Row {
    const store = this.store(model);
    const input = checkValues(store.spec, values);
    return this.core.scopes.run(() => {
      const asSent: Record<string, unknown> = { ...emptyRow(store.spec), ...input };
      let next = asSent;
      const changedOnCreate = (n: Record<string, unknown> | null) =>
        store.spec.fields.filter((f) => n![f.name] !== null).map((f) => f.name);
      const ranBefore: RunDraft[] = [];
      next = this.runBefore(
        store,
        chain,
        'create',
        null,
        next,
        null,
        batch,
        changedOnCreate,
        ranBefore,
      );
      this.checkRow(store, asSent, next, null, ranBefore);
      const id = store.insert(next);
      // A before-create ran before the record had an id; its record names the record it made.
      for (const { execution } of ranBefore) {
        execution.recordId = id;
        execution.trigger = { ...execution.trigger, recordId: id };
      }
      const stored = store.get(id)!;
      const ranSync = this.runAfter(
        store,
        chain,
        'create',
        null,
        stored,
        id,
        changedFields(store.spec.fields, null, stored),
        batch,
      );
      return ranSync ? this.reread(store, id, stored) : stored;
    });
  }

  update(
    model: string,
    id: number,
    patch: unknown,
    chain: Chain = rootChain(),
    batch: Batch = null,
  ): Row {
    const store = this.store(model);
    const input = checkValues(store.spec, patch);
    return this.core.scopes.run(() => {
      const prev = store.get(id);
      if (!prev) throw notFound(`${model} record ${id}`);
      const asSent: Record<string, unknown> = { ...prev, ...input };
      const ranBefore: RunDraft[] = [];
      const next = this.runBefore(
        store,
        chain,
        'update',
        prev,
        asSent,
        id,
        batch,
        (n) => changedFields(store.spec.fields, prev, n),
        ranBefore,
      );
      this.checkRow(store, asSent, next, prev, ranBefore);
      const changed = changedFields(store.spec.fields, prev, next);
      if (changed.length) store.update(id, Object.fromEntries(changed.map((f) => [f, next[f]])));
      const stored = store.get(id)!;
      const ranSync = this.runAfter(store, chain, 'update', prev, stored, id, changed, batch);
      return ranSync ? this.reread(store, id, stored) : stored;
    });
  }

  delete(model: string, id: number, chain: Chain = rootChain(), batch: Batch = null): Row {
    const store = this.store(model);
    return this.core.scopes.run(() => {
      const prev = store.get(id);
      if (!prev) throw notFound(`${model} record ${id}`);
      this.runBefore(store, chain, 'delete', prev, null, id, batch, () =>
        changedFields(store.spec.fields, prev, null),
      );
      this.checkNotReferred(model, id);
      this.checkNoPendingApproval(model, id);
      store.delete(id);
      this.runAfter(
        store,
        chain,
        'delete',
        prev,
        null,
        id,
        changedFields(store.spec.fields, prev, null),
        batch,
      );
      return prev;
    });
  }

  /**
   * Required fields and refs of the row about to be written. A problem with a value a before
   * handler put there is the handler's (EVENT_FAILED naming it), not the client's.
   */
  private checkRow(
    store: ModelStore,
    asSent: Record<string, unknown>,
    next: Record<string, unknown>,
    prev: Row | null,
    ranBefore: readonly RunDraft[],
  ): void {
    try {
      checkRequired(store.spec, next);
      this.checkRefs(store, next, prev);
    } catch (e) {
      const last = ranBefore[ranBefore.length - 1];
      const details =
        e instanceof WhenThenError && e.code === 'VALIDATION_FAILED' ? (e.details ?? []) : [];
      const byHandler = details.filter((d) => asSent[d.field] !== next[d.field]);
      if (!last || byHandler.length === 0) throw e;
      const events = [...new Set(ranBefore.map((d) => d.execution.event))].join(', ');
      throw new WhenThenError(
        'EVENT_FAILED',
        `${events} left an invalid next: ${byHandler.map((d) => `${d.field} ${d.reason}`).join('; ')}`,
        undefined,
        last.execution.id,
      );
    }
  }

  /**
   * A record that others refer to stays: deleting it would leave their refs pointing at nothing.
   * Checked after the before handlers, so one of them may first delete or repoint the referrers.
   */
  private checkNotReferred(model: string, id: number): void {
    for (const { store, field } of this.core.app().referrers(model)) {
      const self = store.spec.name === model;
      const shown = store.referring(field, id, self, 3);
      if (!shown.length) continue;
      const count = shown.length < 3 ? shown.length : store.countReferring(field, id, self);
      const list =
        shown.join(', ') + (count > shown.length ? ` and ${count - shown.length} more` : '');
      throw new WhenThenError(
        'IN_USE',
        `${model} record ${id} is referred to by ${count === 1 ? 'record' : 'records'} ${list} of ${store.spec.name} (field ${field}); delete ${count === 1 ? 'it or change its' : 'them or change their'} ${field} first`,
        [
          {
            field,
            reason: `${count} ${store.spec.name} ${count === 1 ? 'record refers' : 'records refer'} to it`,
          },
        ],
      );
    }
  }

  /** A record waiting for approval stays: its instance could never end (the flow's events read it). */
  private checkNoPendingApproval(model: string, id: number): void {
    const pending = this.core.pendingApprovals?.(model, id) ?? [];
    const first = pending[0];
    if (!first) return;
    throw new WhenThenError(
      'IN_USE',
      `${model} record ${id} is waiting for approval in ${first.flow} (instance #${first.id}); it can be deleted once that ends — ${first.submittedBy}, who submitted it, can withdraw it`,
      [{ field: 'id', reason: `pending approval #${first.id} in ${first.flow}` }],
    );
  }

  /** A ref must point at a stored record of its model (checked for values that are new or changed). */
  private checkRefs(store: ModelStore, next: Record<string, unknown>, prev: Row | null): void {
    for (const f of store.spec.fields) {
      if (f.type !== 'ref' || !f.model) continue;
      const id = next[f.name];
      if (id === null || id === undefined || (prev && prev[f.name] === id)) continue;
      const target = this.core.app().model(f.model);
      if (!target || !target.get(id as number))
        throw validationError([
          { field: f.name, reason: `${f.model} has no record ${String(id)}` },
        ]);
    }
  }

  updateMany(
    model: string,
    where: unknown,
    set: unknown,
    chain: Chain = rootChain(),
  ): { count: number; ids: number[] } {
    const store = this.store(model);
    const w = this.where(store, where, true);
    checkValues(store.spec, set, 'set');
    return this.core.scopes.run(() => {
      const ids = store.ids(w);
      const written: number[] = [];
      ids.forEach((id, index) => {
        // A handler of an earlier record may have deleted this one: it is passed over, not a 404.
        if (index > 0 && !store.get(id)) return;
        this.update(model, id, set, chain, { index, count: ids.length, ids });
        written.push(id);
      });
      return { count: written.length, ids: written };
    });
  }

  deleteMany(
    model: string,
    where: unknown,
    chain: Chain = rootChain(),
  ): { count: number; ids: number[] } {
    const store = this.store(model);
    const w = this.where(store, where, true);
    return this.core.scopes.run(() => {
      const ids = store.ids(w);
      const written: number[] = [];
      ids.forEach((id, index) => {
        // A handler of an earlier record may have deleted this one already: it is passed over.
        if (index > 0 && !store.get(id)) return;
        this.delete(model, id, chain, { index, count: ids.length, ids });
        written.push(id);
      });
      return { count: written.length, ids: written };
    });
  }

  /** Before handlers, in order; each sees the `next` left by the one before and may change it. */
  private runBefore(
    store: ModelStore,
    chain: Chain,
    op: WriteOp,
    prev: Row | null,
    next: Record<string, unknown> | null,
    recordId: number | null,
    batch: Batch,
    changed: (next: Record<string, unknown> | null) => string[],
    ran?: RunDraft[],
  ): Record<string, unknown> {
    const events = this.core.app().eventsFor(store.spec.name, [BEFORE[op]]) as ActiveModelEvent[];
    let current = next;
    let changedNow: string[] | null = null; // what changed so far; recomputed only after a handler changed next
    for (const ev of events) {
      if (!ev.definition.enabled) continue;
      changedNow ??= changed(current);
      const change: ModelChange = {
        model: store.spec.name,
        op,
        timing: BEFORE[op],
        recordId,
        prev,
        next: current,
        changed: changedNow,
        batch,
      };
      if (!fires(ev, change)) continue;
      const outcome = runNow(this.core, ev, chain, this.occurrence(change));
      if (outcome) ran?.push(outcome.draft);
      if (outcome && op !== 'delete') {
        current = this.acceptNext(
          store,
          ev,
          outcome.executionId,
          current!,
          outcome.payload,
          recordId,
        );
        changedNow = null;
      }
    }
    return current ?? {};
  }

  /** Reads back the `next` a before handler left; it may change fields, not `id` or the field set. */
  private acceptNext(
    store: ModelStore,
    ev: ActiveModelEvent,
    executionId: string,
    current: Record<string, unknown>,
    payload: Record<string, unknown> | null,
    recordId: number | null,
  ): Record<string, unknown> {
    const returned = payload?.next;
    if (returned === undefined) return current;
    if (typeof returned !== 'object' || returned === null || Array.isArray(returned))
      throw new WhenThenError(
        'EVENT_FAILED',
        `Event ${ev.name} replaced next with ${returned === null ? 'null' : Array.isArray(returned) ? 'an array' : `a ${typeof returned}`}; change its fields instead, or throw to refuse the write`,
        undefined,
        executionId,
      );
    const { id, ...rest } = returned as Record<string, unknown>;
    if (id !== undefined && id !== recordId && !(recordId === null && id === null))
      throw new WhenThenError(
        'EVENT_FAILED',
        `Event ${ev.name} changed next.id, which cannot change`,
        undefined,
        executionId,
      );
    // Only what the handler changed needs checking: the rest was checked before it ran.
    const edited: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(rest))
      if (!(name in current) || current[name] !== value) edited[name] = value;
    try {
      return { ...current, ...checkValues(store.spec, edited, 'next') };
    } catch (e) {
      throw new WhenThenError(
        'EVENT_FAILED',
        `Event ${ev.name} left an invalid next: ${(e as Error).message}`,
        undefined,
        executionId,
      );
    }
  }

  /**
   * The record as the write leaves it: a sync after handler may have changed it (or deleted it, then
   * the row as written is returned), and the caller gets what is stored.
   */
  private reread(store: ModelStore, id: number, written: Row): Row {
    return store.get(id) ?? written;
  }

  /**
   * After handlers of the write's op and afterWrite, merged in order: sync run now, async queued.
   * Returns whether a sync handler ran (it may have written the record again).
   */
  private runAfter(
    store: ModelStore,
    chain: Chain,
    op: WriteOp,
    prev: Row | null,
    stored: Row | null,
    recordId: number,
    changed: string[],
    batch: Batch,
  ): boolean {
    const events = this.core.app().eventsFor(store.spec.name, AFTER[op]) as ActiveModelEvent[];
    let ranSync = false;
    dispatch(this.core, events, chain, (ev) => {
      const def = ev.definition as ModelEventDefinition;
      const change: ModelChange = {
        model: store.spec.name,
        op,
        timing: def.timing,
        recordId,
        prev,
        next: stored,
        changed,
        batch,
      };
      if (!fires(ev as ActiveModelEvent, change)) return null;
      if (!(ev.definition as { async?: boolean }).async) ranSync = true;
      return this.occurrence(change);
    });
    return ranSync;
  }

  private occurrence(change: ModelChange): Occurrence {
    return {
      timing: change.timing,
      trigger: { model: change.model, op: change.op, recordId: change.recordId },
      recordKey: `${change.model}:${change.recordId ?? 'new'}`,
      recordId: change.recordId,
      payload: modelPayload(change),
    };
  }
}

/** The most records one query returns (the REST API's `limit` has the same cap). */
export const MAX_QUERY_LIMIT = 1000;

/**
 * Query options as handler code may send them: `limit` 1…1000, `offset` ≥ 0 (integers), `orderBy`
 * a field name (optionally `-field`); anything else is refused rather than handed to SQLite.
 */
function checkQueryOptions(opts: unknown): QueryOptions {
  if (opts === undefined || opts === null) return {};
  if (typeof opts !== 'object' || Array.isArray(opts))
    throw validationError([{ field: 'options', reason: 'expected { limit?, offset?, orderBy? }' }]);
  const details: { field: string; reason: string }[] = [];
  const out: QueryOptions = {};
  for (const [key, value] of Object.entries(opts)) {
    if (value === undefined) continue;
    if (key === 'limit' || key === 'offset') {
      const min = key === 'limit' ? 1 : 0;
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min)
        details.push({ field: key, reason: `expected an integer of at least ${min}` });
      else if (key === 'limit' && value > MAX_QUERY_LIMIT)
        details.push({ field: key, reason: `must be at most ${MAX_QUERY_LIMIT}` });
      else out[key] = value;
    } else if (key === 'orderBy') {
      if (typeof value !== 'string') details.push({ field: key, reason: 'expected a field name' });
      else out.orderBy = value;
    } else
      details.push({ field: key, reason: 'unknown query option (use limit, offset, orderBy)' });
  }
  if (details.length) throw validationError(details);
  return out;
}

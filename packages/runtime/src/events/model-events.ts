import {
  matches,
  UPDATE_TIMINGS,
  type ModelEventDefinition,
  type ModelTiming,
} from '@whenthen/schema';
import type { ActiveEvent } from '../app/application.js';

export type WriteOp = 'create' | 'update' | 'delete';

/** What a model event sees of one record's write. */
export type ModelChange = {
  model: string;
  op: WriteOp;
  timing: ModelTiming;
  recordId: number | null;
  prev: Record<string, unknown> | null;
  next: Record<string, unknown> | null;
  changed: string[];
  batch: { index: number; count: number; ids: number[] } | null;
};

/**
 * Whether an enabled model event fires for a change: its trigger fields (update timings and
 * afterWrite) must include a really changed field, and its filter must hold on the new row (the old
 * row for a delete) — or, in "becomesMatching" mode, fail on the old row and hold on the new one.
 */
export function fires(ev: ActiveEvent<ModelEventDefinition>, change: ModelChange): boolean {
  const def = ev.definition;
  if (!def.enabled) return false;
  if (
    def.fields.length &&
    UPDATE_TIMINGS.includes(def.timing) &&
    !def.fields.some((f) => change.changed.includes(f))
  )
    return false;
  if (!ev.filter) return true;
  if (def.filterMode === 'becomesMatching') {
    const before = change.prev !== null && matches(ev.filter, change.prev);
    return !before && change.next !== null && matches(ev.filter, change.next);
  }
  const row = change.op === 'delete' ? change.prev : change.next;
  return row !== null && matches(ev.filter, row);
}

/** The handler payload of a model event, besides `id`, `requestId` and `depth`. */
export function modelPayload(change: ModelChange): Record<string, unknown> {
  return {
    model: change.model,
    timing: change.timing,
    op: change.op,
    prev: change.prev,
    next: change.next,
    changed: change.changed,
    batch: change.batch,
  };
}

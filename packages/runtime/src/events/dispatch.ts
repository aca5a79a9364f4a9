import type { ActiveEvent, Application } from '../app/application.js';
import { newId } from '../ids.js';
import type { ExecutionStore } from '../records/execution-store.js';
import type { Bridge, Sandbox } from '../sandbox/index.js';
import type { Chain } from './chain.js';
import type { Outbox } from './outbox.js';
import type { RunDraft } from '../records/types.js';
import { runHandler, type RunServices } from './run-handler.js';
import type { WriteScopes } from './write-scope.js';

/** What dispatching needs of the runtime; every kind's dispatcher shares it. */
export type DispatchCore = {
  app(): Application;
  sandbox: Sandbox;
  scopes: WriteScopes;
  outbox: Outbox;
  executions: ExecutionStore;
  bridgeFor(chain: Chain, run: { executionId: string; event: string }): Bridge;
  wake(): void;
};

/** One occurrence of an event for one subscriber: what happened and the payload it gets. */
export type Occurrence = {
  timing: string | null;
  trigger: Record<string, unknown>;
  /** Re-entry is judged on (event, recordKey); null never skips. */
  recordKey: string | null;
  recordId: number | null;
  payload: Record<string, unknown>;
};

export function runServices(core: DispatchCore): RunServices {
  return {
    sandbox: core.sandbox,
    maxDepth: core.app().maxDepth,
    bridgeFor: (chain, run) => core.bridgeFor(chain, run),
    record: (draft) => core.scopes.record(draft),
  };
}

/**
 * Runs a sync subscriber now, inside the current write. Throws when it fails (the caller's write
 * rolls back); returns null when it was skipped (re-entry), else the payload as the handler left it.
 */
export function runNow(
  core: DispatchCore,
  ev: ActiveEvent,
  chain: Chain,
  occ: Occurrence,
): { payload: Record<string, unknown>; executionId: string; draft: RunDraft } | null {
  const outcome = runHandler(runServices(core), chain, {
    event: ev.name,
    kind: ev.kind,
    timing: occ.timing,
    trigger: occ.trigger,
    recordKey: occ.recordKey,
    recordId: occ.recordId,
    mode: 'sync',
    attempt: 1,
    code: ev.code,
    version: ev.version,
    entry: ev.entry,
    handler: ev.handler,
    timeoutMs: ev.definition.timeoutMs,
    payload: (ids) => ({ ...ids, ...occ.payload }),
  });
  if (outcome.status === 'failed') throw outcome.error;
  if (outcome.status === 'skipped') return null;
  return {
    payload: outcome.payload,
    executionId: outcome.draft.execution.id,
    draft: outcome.draft,
  };
}

/**
 * Queues an async subscriber. The outbox row is part of the write, so a rollback leaves no job; the
 * queued record follows once the write has committed (write-behind, like every record).
 */
export function enqueue(core: DispatchCore, ev: ActiveEvent, chain: Chain, occ: Occurrence): void {
  const now = Date.now();
  const executionId = newId(now);
  core.outbox.enqueue({
    executionId,
    event: ev.name,
    runAt: now,
    enqueuedAt: now,
    attempt: 1,
    occurrenceId: executionId,
    chain,
    request: {
      kind: ev.kind,
      timing: occ.timing,
      trigger: occ.trigger,
      recordKey: occ.recordKey,
      recordId: occ.recordId,
      payload: occ.payload,
      handler: ev.handler,
    },
  });
  const queued: RunDraft = {
    execution: {
      id: executionId,
      event: ev.name,
      kind: ev.kind,
      timing: occ.timing,
      trigger: occ.trigger,
      recordId: occ.recordId,
      status: 'queued',
      skipReason: null,
      mode: 'async',
      attempt: 1,
      occurrenceId: executionId,
      startedAt: null,
      endedAt: null,
      durationMs: null,
      handler: ev.handler,
      error: null,
      input: null,
      output: null,
      codeVersion: ev.version,
      requestId: chain.requestId,
      parentId: chain.parentId,
      depth: chain.depth + 1,
      rolledBack: false,
    },
    steps: [],
    code: ev.code,
  };
  core.scopes.afterCommit(() => {
    core.executions.defer([queued]);
    core.wake();
  });
}

/** Sync subscribers run now, async ones are queued — in the subscribers' order. */
export function dispatch(
  core: DispatchCore,
  events: readonly ActiveEvent[],
  chain: Chain,
  occurrenceOf: (ev: ActiveEvent) => Occurrence | null,
): void {
  for (const ev of events) {
    const occ = occurrenceOf(ev);
    if (!occ) continue;
    if ((ev.definition as { async?: boolean }).async) enqueue(core, ev, chain, occ);
    else runNow(core, ev, chain, occ);
  }
}

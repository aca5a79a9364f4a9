import type { Application } from '../app/application.js';
import type { Sqlite } from '../data/database.js';
import { transaction } from '../data/database.js';
import { newId } from '../ids.js';
import type { ExecutionStore } from '../records/execution-store.js';
import type { Execution } from '../records/types.js';
import type { Bridge, Sandbox } from '../sandbox/index.js';
import type { Chain } from './chain.js';
import type { Job, Outbox } from './outbox.js';
import { runHandler } from './run-handler.js';
import type { WriteScopes } from './write-scope.js';

export type WorkerCore = {
  db: Sqlite;
  app(): Application;
  sandbox: Sandbox;
  scopes: WriteScopes;
  outbox: Outbox;
  executions: ExecutionStore;
  bridgeFor(chain: Chain, run: { executionId: string; event: string }): Bridge;
};

const BATCH = 64;
/**
 * How long one batch may keep the event loop (ms). Everything inside a write is synchronous, so a
 * batch of slow handlers would otherwise hold every request for up to BATCH × timeoutMs; the batch
 * ends after the run that crosses this budget and the rest follows after the loop had its turn.
 */
const BATCH_BUDGET_MS = 50;

/**
 * The in-process worker for async runs. Woken right after a commit that queued jobs, it drains the
 * outbox in batches, yielding to the event loop between batches so the server keeps answering.
 */
export class Worker {
  private scheduled = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly core: WorkerCore) {}

  /**
   * Starts on what an earlier process left: jobs whose run never committed are still queued (a job
   * leaves the outbox only with its run's writes), so nothing committed is lost.
   */
  recover(): void {
    this.wake();
  }

  wake(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    setImmediate(() => this.drain());
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** Resolves when no job is due (tests and the benchmark wait on this). */
  idle(): Promise<void> {
    const due = this.core.outbox.nextDue();
    if (due === null || (due > Date.now() && !this.scheduled)) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private drain(): void {
    this.scheduled = false;
    if (this.stopped) return;
    // One transaction for the batch, a savepoint per run: a failing run undoes only its own writes,
    // and the batch pays for one commit. A job leaves the outbox in the same transaction as its run's
    // writes, so a crash mid-batch leaves it queued and it runs again (at-least-once).
    const started = Date.now();
    const { due, ran } = transaction(this.core.db, () => {
      const due = this.core.outbox.due(started, BATCH);
      let ran = 0;
      for (const job of due) {
        this.runJob(job);
        ran++;
        if (Date.now() - started >= BATCH_BUDGET_MS) break;
      }
      return { due: due.length, ran };
    });
    if (this.stopped) return;
    if (due === BATCH || ran < due) return this.wake();
    const next = this.core.outbox.nextDue();
    if (next !== null && next <= Date.now()) return this.wake();
    for (const resolve of this.idleWaiters.splice(0)) resolve();
    if (next !== null) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => this.wake(), Math.max(1, next - Date.now()));
      this.timer.unref();
    }
  }

  private runJob(job: Job): void {
    const { outbox, executions, scopes } = this.core;
    const el = this.core.app().element(job.event);
    const active = this.core.app().event(job.event);
    const def = active?.definition;
    if (!el || !active || !def?.enabled) {
      const raw = el?.raw as { enabled?: boolean } | undefined;
      const reason = !el ? 'deleted' : raw?.enabled !== true ? 'disabled' : 'invalid';
      const now = new Date().toISOString();
      const skipped: Execution = {
        ...jobRecord(
          job,
          active ?? {
            kind: job.request.kind,
            handler: job.request.handler ?? 'inline',
            version: '',
          },
        ),
        status: 'skipped',
        skipReason: reason,
        startedAt: now,
        endedAt: now,
        durationMs: 0,
      };
      executions.defer([{ execution: skipped, steps: [], code: null }]);
      outbox.done(job.executionId);
      return;
    }
    const services = {
      sandbox: this.core.sandbox,
      maxDepth: this.core.app().maxDepth,
      bridgeFor: this.core.bridgeFor,
      record: (d: Parameters<WriteScopes['record']>[0]) => scopes.record(d),
    };
    try {
      scopes.run(() => {
        const outcome = runHandler(services, job.chain, {
          event: job.event,
          kind: job.request.kind,
          timing: job.request.timing,
          trigger: job.request.trigger,
          recordKey: job.request.recordKey,
          recordId: job.request.recordId,
          mode: 'async',
          attempt: job.attempt,
          occurrenceId: job.occurrenceId,
          executionId: job.executionId,
          code: active.code,
          version: active.version,
          entry: active.entry,
          handler: active.handler,
          timeoutMs: def.timeoutMs,
          payload: (ids) => ({ ...ids, ...job.request.payload }),
        });
        if (outcome.status === 'failed') throw outcome.error;
        outbox.done(job.executionId);
      });
    } catch {
      // The run's writes were rolled back and its record kept (failed). Retry per the event's policy.
      transaction(this.core.db, () => {
        outbox.done(job.executionId);
        const attempts = def.retry?.attempts ?? 1;
        if (job.attempt < attempts) {
          const backoff = (def.retry?.backoffMs ?? 1000) * 2 ** (job.attempt - 1);
          this.requeue(job, Date.now() + backoff, active);
        }
      });
    }
  }

  /** A new attempt of the same occurrence: a new record, the same occurrence id. */
  private requeue(
    job: Job,
    runAt: number,
    ev: { kind: string; handler: string; version: string },
  ): void {
    const executionId = newId();
    const next: Job = {
      ...job,
      executionId,
      runAt,
      enqueuedAt: Date.now(),
      attempt: job.attempt + 1,
    };
    this.core.outbox.enqueue(next);
    // Saved at once: this runs inside the worker's batch transaction, which commits.
    this.core.executions.save({ execution: jobRecord(next, ev), steps: [], code: null });
    if (runAt <= Date.now()) this.wake();
  }
}

/** The queued record of a job's attempt. */
function jobRecord(job: Job, ev: { kind: string; handler: string; version: string }): Execution {
  return {
    id: job.executionId,
    event: job.event,
    kind: ev.kind,
    timing: job.request.timing,
    trigger: job.request.trigger,
    recordId: job.request.recordId,
    status: 'queued',
    skipReason: null,
    mode: 'async',
    attempt: job.attempt,
    occurrenceId: job.occurrenceId,
    startedAt: null,
    endedAt: null,
    durationMs: null,
    handler: ev.handler,
    error: null,
    input: null,
    output: null,
    codeVersion: ev.version || null,
    requestId: job.chain.requestId,
    parentId: job.chain.parentId,
    depth: job.chain.depth + 1,
    rolledBack: false,
  };
}

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
 * The in-process worker for async runs. Woken right after a commit that queued jobs, it drains the
 * outbox in batches, yielding to the event loop between batches so the server keeps answering.
 */
export class Worker {
  private scheduled = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly core: WorkerCore) {}

  /** Puts runs interrupted by a crash back in the queue as their next attempt (at-least-once). */
  recover(): number {
    const orphans = this.core.outbox.orphaned();
    transaction(this.core.db, () => {
      for (const job of orphans) {
        const e = this.core.executions.get(job.executionId);
        if (e) {
          e.status = 'failed';
          e.endedAt = new Date().toISOString();
          e.error = { code: 'INTERRUPTED', message: 'The server stopped during this run; it was queued again' };
          this.core.executions.save({ execution: e, steps: [], code: null });
        }
        this.core.outbox.done(job.executionId);
        this.requeue(job, Date.now());
      }
    });
    this.wake();
    return orphans.length;
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
    const jobs = transaction(this.core.db, () => this.core.outbox.claim(Date.now(), BATCH));
    // One transaction for the batch, a savepoint per run: a failing run undoes only its own writes,
    // and the batch pays for one commit. A crash mid-batch leaves the claimed jobs `running`, which
    // recover() queues again.
    if (jobs.length) transaction(this.core.db, () => jobs.forEach((job) => this.runJob(job)));
    if (this.stopped) return;
    if (jobs.length === BATCH) return this.wake();
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
      transaction(this.core.db, () => {
        const e = executions.get(job.executionId);
        if (e) {
          e.status = 'skipped';
          e.skipReason = reason;
          e.startedAt = e.endedAt = new Date().toISOString();
          e.durationMs = 0;
          executions.save({ execution: e, steps: [], code: null });
        }
        outbox.done(job.executionId);
      });
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
          this.requeue(job, Date.now() + backoff);
        }
      });
    }
  }

  /** A new attempt of the same occurrence: a new record, the same occurrence id. */
  private requeue(job: Job, runAt: number): void {
    const executionId = newId();
    const prior = this.core.executions.get(job.executionId);
    this.core.outbox.enqueue({ ...job, executionId, runAt, enqueuedAt: Date.now(), attempt: job.attempt + 1 });
    if (prior) {
      const queued: Execution = {
        ...prior,
        id: executionId,
        status: 'queued',
        attempt: job.attempt + 1,
        startedAt: null,
        endedAt: null,
        durationMs: null,
        error: null,
        output: null,
        input: null,
        rolledBack: false,
      };
      this.core.executions.save({ execution: queued, steps: [], code: null });
    }
    if (runAt <= Date.now()) this.wake();
  }
}

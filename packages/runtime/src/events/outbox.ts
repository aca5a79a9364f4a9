import type { Sqlite } from '../data/database.js';
import type { Chain } from './chain.js';

/** An async run waiting in the outbox: written in the same transaction as the write that set it off. */
export type Job = {
  executionId: string;
  event: string;
  runAt: number;
  enqueuedAt: number;
  attempt: number;
  occurrenceId: string;
  chain: Chain;
  /** Everything the run needs besides the event's current code: kind, timing, trigger, payload. */
  request: {
    kind: string;
    timing: string | null;
    trigger: Record<string, unknown>;
    recordKey: string | null;
    /** 'inline' or 'services.<Svc>.<fn>' when queued, for the record of a run that is skipped. */
    handler?: string;
    recordId: number | null;
    payload: Record<string, unknown>;
  };
};

/** The outbox table. A job stays `queued` until the transaction of its run removes it. */
export class Outbox {
  private readonly insert;
  private readonly dueStmt;
  private readonly remove;
  private readonly next;

  constructor(private readonly db: Sqlite) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS wt_jobs (
        execution_id TEXT PRIMARY KEY, event TEXT NOT NULL, run_at INTEGER NOT NULL, enqueued_at INTEGER NOT NULL,
        attempt INTEGER NOT NULL, occurrence_id TEXT NOT NULL, status TEXT NOT NULL, chain TEXT NOT NULL, request TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS wt_jobs_due ON wt_jobs (status, run_at);
    `);
    this.insert = db.prepare(
      `INSERT INTO wt_jobs VALUES (@executionId, @event, @runAt, @enqueuedAt, @attempt, @occurrenceId, 'queued', @chain, @request)`,
    );
    this.dueStmt = db.prepare(
      `SELECT * FROM wt_jobs WHERE status = 'queued' AND run_at <= ? ORDER BY run_at, execution_id LIMIT ?`,
    );
    this.remove = db.prepare('DELETE FROM wt_jobs WHERE execution_id = ?');
    this.next = db.prepare(`SELECT min(run_at) FROM wt_jobs WHERE status = 'queued'`).pluck();
  }

  enqueue(job: Job): void {
    // An async run starts with its own time limit: the deadline of the run that queued it does not travel.
    const { deadline: _deadline, ...chain } = job.chain;
    this.insert.run({ ...job, chain: JSON.stringify(chain), request: JSON.stringify(job.request) });
  }

  /** Up to `limit` jobs due by `now`, oldest first. */
  due(now: number, limit: number): Job[] {
    const rows = this.dueStmt.all(now, limit) as Record<string, unknown>[];
    return rows.map((r) => ({
      executionId: r.execution_id as string,
      event: r.event as string,
      runAt: r.run_at as number,
      enqueuedAt: r.enqueued_at as number,
      attempt: r.attempt as number,
      occurrenceId: r.occurrence_id as string,
      chain: JSON.parse(r.chain as string) as Chain,
      request: JSON.parse(r.request as string) as Job['request'],
    }));
  }

  done(executionId: string): void {
    this.remove.run(executionId);
  }

  /** When the next queued job is due, or null. */
  nextDue(): number | null {
    return (this.next.get() as number | null) ?? null;
  }
}

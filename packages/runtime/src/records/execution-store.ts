import type { Sqlite } from '../data/database.js';
import { idFloor } from '../ids.js';
import type { StepRecord } from '../sandbox/index.js';
import type { Execution, ExecutionDetail, ExecutionFilter, RunDraft } from './types.js';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const json = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v));
const parse = (s: unknown): unknown =>
  s === null || s === undefined ? null : JSON.parse(s as string);

/**
 * Stores execution records: one row per run and attempt, its steps as one JSON document (loaded
 * whole by the path view), and each version of handler code once.
 */
export class ExecutionStore {
  private readonly upsert;
  private readonly putSteps;
  private readonly putCode;
  private readonly getOne;
  private pending: RunDraft[] = [];
  /** Code versions already stored by this process: each version's text is kept once. */
  private readonly storedCode = new Set<string>();
  private flushTimer: NodeJS.Timeout | null = null;

  constructor(private readonly db: Sqlite) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS wt_executions (
        id TEXT PRIMARY KEY, event TEXT NOT NULL, kind TEXT NOT NULL, timing TEXT, trigger TEXT,
        record_id INTEGER, status TEXT NOT NULL, skip_reason TEXT, mode TEXT NOT NULL, attempt INTEGER NOT NULL,
        occurrence_id TEXT NOT NULL, started_at INTEGER, ended_at INTEGER, duration_ms REAL, handler TEXT,
        error TEXT, input TEXT, output TEXT, code_version TEXT, request_id TEXT NOT NULL, parent_id TEXT,
        depth INTEGER NOT NULL, rolled_back INTEGER NOT NULL DEFAULT 0
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS wt_executions_status ON wt_executions (status, id);
      CREATE INDEX IF NOT EXISTS wt_executions_event ON wt_executions (event, status, id);
      CREATE INDEX IF NOT EXISTS wt_executions_request ON wt_executions (request_id, id);
      CREATE INDEX IF NOT EXISTS wt_executions_record ON wt_executions (record_id, id);
      CREATE TABLE IF NOT EXISTS wt_steps (execution_id TEXT PRIMARY KEY, steps TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS wt_code (version TEXT PRIMARY KEY, code TEXT NOT NULL) WITHOUT ROWID;
    `);
    // Positional parameters in the table's column order: this runs once per handler run.
    this.upsert = db.prepare(
      `INSERT OR REPLACE INTO wt_executions VALUES (${Array(23).fill('?').join(', ')})`,
    );
    this.putSteps = db.prepare('INSERT OR REPLACE INTO wt_steps VALUES (?, ?)');
    this.putCode = db.prepare('INSERT OR IGNORE INTO wt_code VALUES (?, ?)');
    this.getOne = db.prepare('SELECT * FROM wt_executions WHERE id = ?');
  }

  /**
   * Write-behind for finished sync runs: they are stored a few milliseconds later, many to a
   * transaction, so a write's own commit carries only the write. Every read flushes first, so
   * readers never miss a run. (Queued async runs are saved at once, inside the write: the outbox.)
   */
  defer(drafts: RunDraft[]): void {
    for (const d of drafts) this.pending.push(d);
    if (this.pending.length >= 512 && !this.db.inTransaction) this.flush();
    else if (!this.flushTimer) {
      this.flushTimer = setTimeout(() => this.flush(), 5);
      this.flushTimer.unref();
    }
  }

  /** Stores the deferred runs now (a no-op inside a transaction, which could still roll back). */
  flush(): void {
    if (this.db.inTransaction || !this.db.open) return;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (!this.pending.length) return;
    const batch = this.pending;
    this.pending = [];
    this.db.transaction(() => batch.forEach((d) => this.save(d, true)))();
  }

  /** Writes (or rewrites) a run, its steps and its code. */
  save(draft: RunDraft, flushing = false): void {
    const e = draft.execution;
    this.upsert.run(
      e.id,
      e.event,
      e.kind,
      e.timing,
      json(e.trigger),
      e.recordId,
      e.status,
      e.skipReason,
      e.mode,
      e.attempt,
      e.occurrenceId,
      e.startedAt === null ? null : Date.parse(e.startedAt),
      e.endedAt === null ? null : Date.parse(e.endedAt),
      e.durationMs,
      e.handler,
      json(e.error),
      json(e.input),
      json(e.output ?? null),
      e.codeVersion,
      e.requestId,
      e.parentId,
      e.depth,
      e.rolledBack ? 1 : 0,
    );
    if (draft.steps.length) this.putSteps.run(e.id, JSON.stringify(draft.steps));
    if (draft.code !== null && e.codeVersion && !this.storedCode.has(e.codeVersion)) {
      this.putCode.run(e.codeVersion, draft.code);
      // Only the flush's own transaction always commits; elsewhere a rollback could undo the row.
      if (flushing) this.storedCode.add(e.codeVersion);
    }
  }

  private row(r: Record<string, unknown>): Execution {
    return {
      id: r.id as string,
      event: r.event as string,
      kind: r.kind as string,
      timing: (r.timing as string) ?? null,
      trigger: parse(r.trigger) as Execution['trigger'],
      recordId: (r.record_id as number) ?? null,
      status: r.status as Execution['status'],
      skipReason: (r.skip_reason as string) ?? null,
      mode: r.mode as Execution['mode'],
      attempt: r.attempt as number,
      occurrenceId: r.occurrence_id as string,
      startedAt: iso((r.started_at as number) ?? null),
      endedAt: iso((r.ended_at as number) ?? null),
      durationMs: (r.duration_ms as number) ?? null,
      handler: r.handler as string,
      error: parse(r.error) as Execution['error'],
      input: parse(r.input),
      output: parse(r.output),
      codeVersion: (r.code_version as string) ?? null,
      requestId: r.request_id as string,
      parentId: (r.parent_id as string) ?? null,
      depth: r.depth as number,
      rolledBack: r.rolled_back === 1,
    };
  }

  /** Runs newest first. Time bounds are ids (ids sort by creation time), so every filter uses an index. */
  list(f: ExecutionFilter): { total: number; items: Execution[] } {
    this.flush();
    const where: string[] = [];
    const params: unknown[] = [];
    if (f.event !== undefined) (where.push('event = ?'), params.push(f.event));
    if (f.status !== undefined) (where.push('status = ?'), params.push(f.status));
    if (f.from !== undefined) (where.push('id >= ?'), params.push(idFloor(f.from)));
    if (f.to !== undefined) (where.push('id < ?'), params.push(idFloor(f.to)));
    if (f.recordId !== undefined) (where.push('record_id = ?'), params.push(f.recordId));
    if (f.requestId !== undefined) (where.push('request_id = ?'), params.push(f.requestId));
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (
      this.db.prepare(`SELECT count(*) AS n FROM wt_executions ${w}`).get(...params) as {
        n: number;
      }
    ).n;
    const rows = this.db
      .prepare(`SELECT * FROM wt_executions ${w} ORDER BY id DESC LIMIT ? OFFSET ?`)
      .all(...params, f.limit ?? 50, f.offset ?? 0) as Record<string, unknown>[];
    return { total, items: rows.map((r) => this.row(r)) };
  }

  get(id: string): Execution | null {
    this.flush();
    const r = this.getOne.get(id) as Record<string, unknown> | undefined;
    return r ? this.row(r) : null;
  }

  /** A run with its steps, the whole chain of its request, and the code that ran. */
  detail(id: string): ExecutionDetail | null {
    const e = this.get(id);
    if (!e) return null;
    const steps = this.db
      .prepare('SELECT steps FROM wt_steps WHERE execution_id = ?')
      .pluck()
      .get(id) as string | undefined;
    const chain = (
      this.db
        .prepare('SELECT * FROM wt_executions WHERE request_id = ? ORDER BY id LIMIT 1000')
        .all(e.requestId) as Record<string, unknown>[]
    ).map((r) => this.row(r));
    const code = e.codeVersion
      ? ((this.db
          .prepare('SELECT code FROM wt_code WHERE version = ?')
          .pluck()
          .get(e.codeVersion) as string | undefined) ?? null)
      : null;
    return { ...e, steps: steps ? (JSON.parse(steps) as StepRecord[]) : [], chain, code };
  }
}

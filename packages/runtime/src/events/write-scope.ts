import { transaction, type Sqlite } from '../data/database.js';
import type { ExecutionStore } from '../records/execution-store.js';
import type { RunDraft } from '../records/types.js';

/**
 * One root write and everything nested in it. Sync runs are kept as drafts while the write runs;
 * when it ends they go to the execution store's write-behind buffer. When the write rolls back
 * (whole or a nested savepoint) the drafts of what was undone are marked `rolledBack` first: the
 * record of a failed run must outlive the write it failed.
 */
export class WriteScopes {
  private drafts: RunDraft[] | null = null;
  private onCommit: (() => void)[] = [];

  constructor(
    private readonly db: Sqlite,
    private readonly executions: ExecutionStore,
  ) {}

  get active(): boolean {
    return this.drafts !== null;
  }

  record(draft: RunDraft): void {
    if (this.drafts) this.drafts.push(draft);
    else this.executions.defer([draft]);
  }

  /** Runs `fn` once the root write has committed, unless the part of the write that asked is rolled back. */
  afterCommit(fn: () => void): void {
    if (this.drafts) this.onCommit.push(fn);
    else fn();
  }

  run<T>(fn: () => T): T {
    const drafts = this.drafts;
    if (drafts) {
      const mark = drafts.length;
      const commitMark = this.onCommit.length;
      try {
        return transaction(this.db, fn);
      } catch (e) {
        for (let i = mark; i < drafts.length; i++) drafts[i]!.execution.rolledBack = true;
        // What the undone part meant to do after commit (queue records, wake the worker) is void.
        this.onCommit.length = commitMark;
        throw e;
      }
    }
    const mine: RunDraft[] = [];
    this.drafts = mine;
    this.onCommit = [];
    try {
      const result = transaction(this.db, fn);
      const callbacks = this.onCommit;
      this.drafts = null;
      this.onCommit = [];
      if (mine.length) this.executions.defer(mine);
      for (const cb of callbacks) cb();
      return result;
    } catch (e) {
      this.drafts = null;
      this.onCommit = [];
      for (const d of mine) {
        d.execution.rolledBack = true;
        if (d.execution.status === 'running') d.execution.status = 'failed';
      }
      if (mine.length) this.executions.defer(mine);
      throw e;
    }
  }
}

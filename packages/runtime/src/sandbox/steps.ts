import type { StaticStatement } from './instrument.js';
import type { StepCall, StepRecord } from './types.js';

export type RawError = { message: string; stack?: string | undefined };

type Open = { record: StepRecord; sid: number; start: number; children: number };
type RawCall = {
  path: string;
  argsJson: string;
  resultJson?: string | undefined;
  error?: string | undefined;
};

const CALLS_PER_STEP = 100;
const JSON_MAX = 4096;

/**
 * Builds the steps of one run on the host side from the begin/end/fail/caught signals of the
 * instrumented code. Statements are nested by a stack of open steps; a step left open because its
 * statement threw (a declaration cannot be wrapped in try) is closed as failed as soon as execution
 * continues at a statement whose parent is further out.
 */
export class StepRecorder {
  readonly steps: StepRecord[] = [];
  truncated = false;
  private readonly open: Open[] = [];
  private readonly calls = new Map<StepRecord, RawCall[]>();
  private callCount = 0;
  private readonly rawErrors = new Map<StepRecord, RawError>();
  private rootChildren = 0;
  private last: StaticStatement | undefined;

  constructor(
    private readonly statements: readonly StaticStatement[],
    private readonly maxSteps: number,
    private readonly now: () => number,
    private readonly origin: number,
  ) {}

  /** Returns false once recording stopped (the step limit was reached). */
  begin(sid: number): boolean {
    if (this.truncated) return false;
    const statement = this.statements[sid - 1];
    if (!statement) return true;
    const t = this.now();
    this.closeAbove(statement.parent, t);
    if (this.steps.length >= this.maxSteps) {
      this.truncate(statement, t);
      return false;
    }
    const record = this.add('statement', statement, t);
    this.open.push({ record, sid, start: t, children: 0 });
    return true;
  }

  end(sid: number): void {
    if (!this.isOpen(sid)) return;
    const t = this.now();
    this.closeAbove(sid, t);
    const top = this.open.pop();
    if (top) this.close(top, t, top.record.status);
  }

  /** The statement `sid` threw `error` (absent when already recorded on an inner step). */
  fail(sid: number, error?: RawError): void {
    if (!this.isOpen(sid)) return;
    const assigned = this.closeAbove(sid, this.now(), error);
    const top = this.open[this.open.length - 1];
    if (!top) return;
    top.record.status = 'failed';
    if (error && !assigned) this.setError(top.record, error);
  }

  /** The catch clause of try statement `sid` caught `error`. */
  caught(sid: number, error?: RawError): void {
    if (this.isOpen(sid)) this.closeAbove(sid, this.now(), error);
  }

  log(line: string): void {
    if (this.truncated) return;
    const t = this.now();
    const statement = this.open.length
      ? this.statementOf(this.open[this.open.length - 1]!)
      : this.last;
    const where = statement ?? {
      parent: 0,
      line: 1,
      endLine: 1,
      range: [0, 0] as [number, number],
      text: '',
    };
    if (this.steps.length >= this.maxSteps) {
      this.truncate(where, t);
      return;
    }
    const record = this.add('log', where, t);
    record.status = 'success';
    record.durationMs = 0;
    record.logs = [line];
  }

  call(path: string, argsJson: string, resultJson: string | undefined, error?: string): void {
    const top = this.open[this.open.length - 1];
    if (this.truncated || !top || this.callCount >= this.maxSteps) return;
    let list = this.calls.get(top.record);
    if (!list) this.calls.set(top.record, (list = []));
    if (list.length >= CALLS_PER_STEP) return;
    list.push({ path, argsJson, resultJson, error });
    this.callCount++;
  }

  /**
   * Closes every open step: as success when the run succeeded, otherwise as failed, the innermost
   * one getting `error` unless it was already recorded. Stacks are mapped by `mapError`.
   */
  finish(
    ok: boolean,
    error: RawError | undefined,
    mapError: (e: RawError) => RawError,
  ): StepRecord[] {
    const t = this.now();
    let assigned = !error;
    for (let top = this.open.pop(); top; top = this.open.pop()) {
      if (!ok && !assigned && error) {
        this.setError(top.record, error);
        assigned = true;
      }
      this.close(top, t, ok ? top.record.status : 'failed');
    }
    for (const [record, raw] of this.rawErrors) record.error = mapError(raw);
    for (const [record, list] of this.calls) {
      record.calls = list.map((raw) => {
        const call: StepCall = { path: raw.path, args: fromJson(raw.argsJson) };
        if (raw.error !== undefined) call.error = raw.error;
        else if (raw.resultJson !== undefined) call.result = fromJson(raw.resultJson);
        return call;
      });
    }
    return this.steps;
  }

  /** The innermost open step's statement, for errors that carry no position of their own. */
  innermost(): StaticStatement | undefined {
    const top = this.open[this.open.length - 1];
    return top ? this.statementOf(top) : this.last;
  }

  private add(kind: StepRecord['kind'], statement: StaticStatement, t: number): StepRecord {
    const parent = this.open[this.open.length - 1];
    const record: StepRecord = {
      id: this.steps.length + 1,
      parentId: parent ? parent.record.id : null,
      order: parent ? parent.children++ : this.rootChildren++,
      kind,
      status: 'success',
      line: statement.line,
      endLine: statement.endLine,
      range: statement.range,
      text: statement.text,
      startedAt: this.origin + t,
      durationMs: 0,
    };
    this.steps.push(record);
    if (kind === 'statement') this.last = statement;
    return record;
  }

  private truncate(statement: StaticStatement, t: number): void {
    this.truncated = true;
    const record: StepRecord = {
      id: this.steps.length + 1,
      parentId: null,
      order: this.rootChildren++,
      kind: 'truncated',
      status: 'success',
      line: statement.line,
      endLine: statement.endLine,
      range: statement.range,
      text: `steps not recorded after ${this.maxSteps}`,
      startedAt: this.origin + t,
      durationMs: 0,
    };
    this.steps.push(record);
  }

  private isOpen(sid: number): boolean {
    for (let i = this.open.length - 1; i >= 0; i--) if (this.open[i]!.sid === sid) return true;
    return false;
  }

  /** Pops open steps above `sid` (0: all) as failed; the innermost gets `error`. Returns whether it did. */
  private closeAbove(sid: number, t: number, error?: RawError): boolean {
    let assigned = false;
    for (
      let top = this.open[this.open.length - 1];
      top && top.sid !== sid;
      top = this.open[this.open.length - 1]
    ) {
      this.open.pop();
      if (error && !assigned) {
        this.setError(top.record, error);
        assigned = true;
      }
      this.close(top, t, 'failed');
    }
    return assigned;
  }

  private close(open: Open, t: number, status: StepRecord['status']): void {
    open.record.status = status;
    open.record.durationMs = t - open.start;
  }

  private setError(record: StepRecord, error: RawError): void {
    if (this.rawErrors.has(record)) return;
    this.rawErrors.set(record, error);
    record.error = { message: error.message };
  }

  private statementOf(open: Open): StaticStatement | undefined {
    return this.statements[open.sid - 1];
  }
}

function fromJson(json: string): unknown {
  if (json.length > JSON_MAX)
    return `${json.slice(0, 1000)}… (${json.length} characters, truncated)`;
  return JSON.parse(json) as unknown;
}

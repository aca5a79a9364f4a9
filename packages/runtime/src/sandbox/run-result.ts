import { shownFilename, type PreparedHandler } from './prepare.js';
import { mapStack } from './stack.js';
import type { RawError, StepRecorder } from './steps.js';
import type { Bridge, HandlerError, RunOptions, RunResult } from './types.js';

/** How the handler's promise settled, as reported from inside the isolate. */
export type Outcome =
  | { ok: true; outputJson: string | undefined; payloadJson: string | undefined }
  | {
      ok: false;
      error: RawError & { code?: string | undefined };
      payloadJson: string | undefined;
      /** The error is already on the step where it was thrown. */
      seen: boolean;
    };

/** What the call into the isolate threw, if it threw. */
export type CallFailure =
  | { kind: 'timeout'; stack: string | undefined }
  | { kind: 'memory'; message: string }
  | { kind: 'other'; error: unknown };

/** One run in progress; runs nest strictly (a nested run starts and ends inside a bridge call). */
export type ActiveRun = {
  token: number;
  prepared: PreparedHandler;
  /** What runs, for messages: 'handler' or 'service function charge'. */
  what: string;
  recorder: StepRecorder;
  bridge: Bridge;
  timeoutMs: number;
  /** performance.now() past which the run has timed out; pushed back by the time nested runs take. */
  deadline: number;
  timedOut: boolean;
  outcome?: Outcome;
  /** `code\0message` of errors the bridge threw: only those codes become the run's error code. */
  bridgeErrors: Set<string>;
};

export function timeoutMessage(run: ActiveRun): string {
  return `${run.what} timed out after ${run.timeoutMs} ms`;
}

/** Turns what happened during a run into its RunResult, closing the steps still open. */
export function runResult(run: ActiveRun, opts: RunOptions, failure?: CallFailure): RunResult {
  const { recorder, prepared, outcome } = run;
  const map = (stack: string) =>
    mapStack(
      stack,
      prepared.id,
      (p) => prepared.edited.originalPosition(p),
      shownFilename(prepared),
    );
  const mapError = (raw: RawError): RawError =>
    raw.stack === undefined
      ? { message: raw.message }
      : { message: raw.message, stack: map(raw.stack).stack };
  const payloadJson = outcome?.payloadJson;
  const payload =
    payloadJson !== undefined ? JSON.parse(payloadJson) : outcome?.ok ? undefined : opts.payload;

  const failed = whyFailed(run, failure);
  if (!failed) {
    const steps = recorder.finish(true, undefined, mapError);
    const ok = outcome as Extract<Outcome, { ok: true }>;
    const output = ok.outputJson === undefined ? undefined : JSON.parse(ok.outputJson);
    return { ok: true, output, payload, steps, truncated: recorder.truncated };
  }

  const { error, raw, seen } = failed;
  const innermost = recorder.innermost();
  const steps = recorder.finish(false, seen ? undefined : raw, mapError);
  if (raw.stack !== undefined) {
    const mapped = map(raw.stack);
    error.stack = mapped.stack;
    if (mapped.position) {
      error.line = mapped.position.line;
      error.column = mapped.position.column;
    }
  }
  if (error.line === undefined && innermost) {
    error.line = innermost.line;
    error.column = innermost.range[0] - opts.code.lastIndexOf('\n', innermost.range[0] - 1);
  }
  return { ok: false, error, payload, steps, truncated: recorder.truncated };
}

function whyFailed(
  run: ActiveRun,
  failure: CallFailure | undefined,
): { error: HandlerError; raw: RawError; seen: boolean } | undefined {
  const { outcome } = run;
  const settledError = outcome && !outcome.ok ? outcome.error : undefined;
  if (run.timedOut || failure?.kind === 'timeout') {
    const message = timeoutMessage(run);
    const stack = failure?.kind === 'timeout' ? failure.stack : settledError?.stack;
    return { error: { code: 'TIMEOUT', message }, raw: { message, stack }, seen: false };
  }
  if (failure?.kind === 'memory') {
    const message = failure.message;
    return { error: { code: 'MEMORY_LIMIT', message }, raw: { message }, seen: false };
  }
  if (outcome && !outcome.ok) {
    const { code, message } = outcome.error;
    const fromBridge = code !== undefined && run.bridgeErrors.has(`${code}\0${message}`);
    return {
      error: { code: fromBridge ? code : 'HANDLER_ERROR', message },
      raw: outcome.error,
      seen: outcome.seen,
    };
  }
  if (failure) {
    const thrown = failure.error;
    const message = `unhandled promise rejection: ${thrown instanceof Error ? thrown.message : String(thrown)}`;
    const stack = thrown instanceof Error ? thrown.stack : undefined;
    return { error: { code: 'HANDLER_ERROR', message }, raw: { message, stack }, seen: false };
  }
  if (!outcome) {
    const at = run.recorder.innermost();
    const message =
      `${run.what} did not finish: it waits${at ? ` at line ${at.line}` : ''} for a promise that ` +
      `never settles (only app.* calls and promises the ${run.prepared.kind === 'handler' ? 'handler' : 'function'} ` +
      'settles itself can be awaited)';
    return { error: { code: 'NOT_SETTLED', message }, raw: { message }, seen: false };
  }
  return undefined;
}

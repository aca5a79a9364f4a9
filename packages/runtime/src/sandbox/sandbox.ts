import { IsolateSlot, type SlotHost } from './isolate-slot.js';
import { compileErrorFromV8, prepareHandler, type PreparedHandler } from './prepare.js';
import { mapStack } from './stack.js';
import { StepRecorder, type RawError } from './steps.js';
import type { Bridge, HandlerError, RunOptions, RunResult, Sandbox, SandboxOptions } from './types.js';

const DEFAULT_MAX_STEPS = 10_000;
const MAX_PREPARED = 512;
const MAX_DEPTH = 64;

type Outcome =
  | { ok: true; outputJson: string | undefined; payloadJson: string | undefined }
  | { ok: false; error: RawError & { code?: string | undefined }; payloadJson: string | undefined; seen: boolean };

/** One run in progress; runs nest strictly (a nested run starts and ends inside a bridge call). */
type ActiveRun = {
  token: number;
  prepared: PreparedHandler;
  recorder: StepRecorder;
  bridge: Bridge;
  timeoutMs: number;
  /** performance.now() past which the run has timed out; pushed back by the time nested runs take. */
  deadline: number;
  timedOut: boolean;
  outcome?: Outcome;
  /** `code\0message` of errors the bridge threw, so only those codes become the run's error code. */
  bridgeErrors: Set<string>;
};

/** Creates a sandbox: handlers run in isolated-vm isolates, one per nesting level, created lazily. */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const memoryLimitMb = options.memoryLimitMb ?? 64;
  const modelsJson = options.models ? JSON.stringify(options.models) : undefined;
  const prepared = new Map<string, PreparedHandler | HandlerError>();
  const active = new Map<number, ActiveRun>();
  const stack: ActiveRun[] = [];
  const slots: IsolateSlot[] = [];
  let nextId = 1;
  let nextToken = 1;
  const now = () => performance.now();

  const current = (token: number): ActiveRun => {
    const run = active.get(token);
    if (!run) throw new Error('this handler run has already finished');
    return run;
  };
  const timeoutMessage = (run: ActiveRun) => `handler timed out after ${run.timeoutMs} ms`;
  /** Past the deadline every crossing into the host throws, so handler code cannot go on. */
  const checkDeadline = (run: ActiveRun) => {
    if (run.timedOut || now() > run.deadline) {
      run.timedOut = true;
      const error = new Error(timeoutMessage(run)) as Error & { code: string };
      error.code = 'TIMEOUT';
      throw error;
    }
  };

  const host: SlotHost = {
    call(token, path, argsJson) {
      const run = current(token);
      checkDeadline(run);
      let resultJson: string | undefined;
      try {
        const result = run.bridge(path, JSON.parse(argsJson) as unknown[]);
        resultJson = result === undefined ? undefined : JSON.stringify(result);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        const rawCode = (err as { code?: unknown } | null)?.code;
        const code = typeof rawCode === 'string' ? rawCode : undefined;
        if (code) run.bridgeErrors.add(`${code}\0${message}`);
        run.recorder.call(path, argsJson, undefined, message);
        checkDeadline(run);
        return 'e' + JSON.stringify({ message, code });
      }
      run.recorder.call(path, argsJson, resultJson);
      checkDeadline(run);
      return resultJson === undefined ? 'u' : 'v' + resultJson;
    },
    log(token, line) {
      const run = current(token);
      checkDeadline(run);
      run.recorder.log(line);
      run.bridge('log', [line]);
    },
    begin(token, sid) {
      const run = active.get(token);
      if (!run) return 1;
      checkDeadline(run);
      return run.recorder.begin(sid) ? 0 : 1;
    },
    end(token, sid) {
      active.get(token)?.recorder.end(sid);
    },
    fail(token, sid, message, stack, code) {
      active.get(token)?.recorder.fail(sid, message === undefined ? undefined : rawError(message, stack, code));
    },
    caught(token, sid, message, stack, code) {
      const run = active.get(token);
      if (!run) return;
      run.recorder.caught(sid, message === undefined ? undefined : rawError(message, stack, code));
      if (run.timedOut) checkDeadline(run);
    },
    done(token, outputJson, payloadJson) {
      const run = active.get(token);
      if (run && !run.outcome) run.outcome = { ok: true, outputJson, payloadJson };
    },
    failed(token, message, stack, code, payloadJson, seen) {
      const run = active.get(token);
      if (run && !run.outcome) run.outcome = { ok: false, error: rawError(message, stack, code), payloadJson, seen };
    },
  };

  const slotAt = (depth: number): IsolateSlot => (slots[depth] ??= new IsolateSlot(memoryLimitMb, host, modelsJson));

  const prepare = (version: string, code: string): PreparedHandler | HandlerError => {
    let entry = prepared.get(version);
    if (entry) {
      prepared.delete(version);
    } else {
      entry = prepareHandler(code, nextId++);
      if (prepared.size >= MAX_PREPARED) prepared.delete(prepared.keys().next().value as string);
    }
    prepared.set(version, entry);
    return entry;
  };

  const run = (opts: RunOptions): RunResult => {
    const failEarly = (error: HandlerError): RunResult => ({ ok: false, error, payload: opts.payload, steps: [], truncated: false });
    const handler = prepare(opts.version, opts.code);
    if ('code' in handler) return failEarly(handler);
    if (stack.length >= MAX_DEPTH) {
      return failEarly({ code: 'HANDLER_ERROR', message: `handler runs nested more than ${MAX_DEPTH} deep` });
    }
    const slot = slotAt(stack.length);
    try {
      slot.ensureCompiled(handler.id, handler.source);
    } catch (err) {
      if (err instanceof SyntaxError || (err instanceof Error && err.name === 'SyntaxError')) {
        const error = compileErrorFromV8(err, handler);
        prepared.set(opts.version, error);
        return failEarly(error);
      }
      return failEarly(isolateFailure(err, slot, memoryLimitMb) ?? { code: 'HANDLER_ERROR', message: messageOf(err) });
    }

    let payloadJson: string | undefined;
    try {
      payloadJson = opts.payload === undefined ? undefined : JSON.stringify(opts.payload);
    } catch (err) {
      return failEarly({ code: 'HANDLER_ERROR', message: `the event payload is not JSON-serializable (${messageOf(err)})` });
    }

    const started = now();
    const token = nextToken++;
    const current: ActiveRun = {
      token,
      prepared: handler,
      recorder: new StepRecorder(handler.statements, opts.maxSteps ?? DEFAULT_MAX_STEPS, now, performance.timeOrigin),
      bridge: opts.bridge,
      timeoutMs: opts.timeoutMs,
      deadline: started + opts.timeoutMs,
      timedOut: false,
      bridgeErrors: new Set(),
    };
    active.set(token, current);
    stack.push(current);
    let thrown: unknown;
    let didThrow = false;
    try {
      slot.run(handler.id, token, payloadJson, opts.timeoutMs);
    } catch (err) {
      thrown = err;
      didThrow = true;
    } finally {
      stack.pop();
      active.delete(token);
      const parent = stack[stack.length - 1];
      if (parent) parent.deadline += now() - started;
    }
    return finish(current, opts, didThrow ? (isolateFailure(thrown, slot, memoryLimitMb) ?? thrown) : undefined, didThrow);
  };

  /** Turns what happened into the RunResult; `thrown` is what the isolate call threw, if it did. */
  const finish = (run: ActiveRun, opts: RunOptions, thrown: unknown, didThrow: boolean): RunResult => {
    const { recorder, prepared: handler } = run;
    const mapError = (raw: RawError): RawError => {
      if (raw.stack === undefined) return { message: raw.message };
      return { message: raw.message, stack: mapStack(raw.stack, handler.id, (p) => handler.edited.originalPosition(p)).stack };
    };
    const outcome = run.outcome;
    const payloadJson = outcome?.payloadJson;
    const payload = payloadJson === undefined ? (outcome?.ok ? undefined : opts.payload) : JSON.parse(payloadJson);

    let error: HandlerError | undefined;
    let raw: RawError | undefined;
    let seen = false;
    if (run.timedOut || (didThrow && isHandlerError(thrown) && thrown.code === 'TIMEOUT')) {
      const stackText = isHandlerError(thrown) ? thrown.stack : undefined;
      raw = { message: timeoutMessage(run), stack: stackText };
      error = { code: 'TIMEOUT', message: raw.message };
    } else if (didThrow && isHandlerError(thrown)) {
      raw = { message: thrown.message };
      error = { code: thrown.code, message: thrown.message };
    } else if (outcome && !outcome.ok) {
      raw = outcome.error;
      seen = outcome.seen;
      const code = outcome.error.code;
      const fromBridge = code !== undefined && run.bridgeErrors.has(`${code}\0${outcome.error.message}`);
      error = { code: fromBridge ? code : 'HANDLER_ERROR', message: outcome.error.message };
    } else if (didThrow) {
      const message = `unhandled promise rejection: ${messageOf(thrown)}`;
      raw = { message, stack: thrown instanceof Error ? thrown.stack : undefined };
      error = { code: 'HANDLER_ERROR', message };
    } else if (!outcome) {
      const at = recorder.innermost();
      const where = at ? ` at line ${at.line}` : '';
      raw = {
        message: `handler did not finish: it waits${where} for a promise that never settles (only app.* calls and promises settled by the handler itself can be awaited)`,
      };
      error = { code: 'NOT_SETTLED', message: raw.message };
    }

    if (!error || !raw) {
      const steps = recorder.finish(true, undefined, mapError);
      const ok = outcome as Extract<Outcome, { ok: true }>;
      const output = ok.outputJson === undefined ? undefined : JSON.parse(ok.outputJson);
      return { ok: true, output, payload, steps, truncated: recorder.truncated };
    }

    const innermost = recorder.innermost();
    const steps = recorder.finish(false, seen ? undefined : raw, mapError);
    if (raw.stack !== undefined) {
      const mapped = mapStack(raw.stack, handler.id, (p) => handler.edited.originalPosition(p));
      error.stack = mapped.stack;
      if (mapped.position) {
        error.line = mapped.position.line;
        error.column = mapped.position.column;
      }
    }
    if (error.line === undefined && innermost) {
      error.line = innermost.line;
      error.column = columnOf(opts.code, innermost.range[0]);
    }
    return { ok: false, error, payload, steps, truncated: recorder.truncated };
  };

  return {
    run,
    check(code) {
      const handler = prepareHandler(code, 0);
      if ('code' in handler) return handler;
      const slot = slotAt(stack.length);
      try {
        slot.compileOnly(handler.source, handler.id);
        return null;
      } catch (err) {
        return compileErrorFromV8(err, handler);
      }
    },
    dispose() {
      for (const slot of slots) slot.dispose();
      slots.length = 0;
      prepared.clear();
    },
  };
}

function rawError(message: string, stack: string | undefined, code: string | undefined): RawError & { code?: string | undefined } {
  return { message, stack, code };
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function isHandlerError(value: unknown): value is HandlerError {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value && !(value instanceof Error);
}

/** Timeouts and the memory limit as HandlerErrors; undefined for anything else. */
function isolateFailure(err: unknown, slot: IsolateSlot, memoryLimitMb: number): HandlerError | undefined {
  const message = messageOf(err);
  if (slot.lost || /memory limit/i.test(message)) {
    slot.dispose();
    return { code: 'MEMORY_LIMIT', message: `handler exceeded the memory limit of ${memoryLimitMb} MB` };
  }
  if (/Script execution timed out/.test(message)) {
    return { code: 'TIMEOUT', message, stack: err instanceof Error ? err.stack : undefined };
  }
  return undefined;
}

function columnOf(code: string, offset: number): number {
  return offset - code.lastIndexOf('\n', offset - 1);
}

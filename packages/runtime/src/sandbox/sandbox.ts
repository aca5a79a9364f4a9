import { IsolateSlot, type SlotHost } from './isolate-slot.js';
import {
  compileErrorFromV8,
  prepareHandler,
  prepareService,
  type PreparedHandler,
} from './prepare.js';
import { runResult, timeoutMessage, type ActiveRun, type CallFailure } from './run-result.js';
import { StepRecorder, type RawError } from './steps.js';
import { describeFunctions, parseService } from './service-source.js';
import type {
  HandlerError,
  ModuleCheck,
  RunOptions,
  RunResult,
  Sandbox,
  SandboxOptions,
} from './types.js';

const DEFAULT_MAX_STEPS = 10_000;
const MAX_PREPARED = 512;
const MAX_DEPTH = 64;
/** Nested isolates kept between runs: this many levels, each with at most this much used heap. */
const KEPT_NESTED_LEVELS = 3;
const KEPT_NESTED_HEAP_BYTES = 16 * 2 ** 20;

/**
 * Creates a sandbox: handlers and service functions run in isolated-vm isolates, one per nesting
 * level, created lazily.
 */
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
      active
        .get(token)
        ?.recorder.fail(sid, message === undefined ? undefined : rawError(message, stack, code));
    },
    caught(token, sid, message, stack, code) {
      const run = active.get(token);
      if (!run) return;
      run.recorder.caught(sid, message === undefined ? undefined : rawError(message, stack, code));
      if (run.timedOut) checkDeadline(run);
    },
    done(token, outputJson, payloadJson) {
      const run = active.get(token);
      if (!run || run.outcome) return;
      // What leaves the isolate is kept in records and sent to clients: cap it, so one handler
      // returning a huge value cannot exhaust the server's memory.
      const tooBig =
        sizeProblem('returned value', outputJson, MAX_OUTPUT_CHARS) ??
        sizeProblem('event payload', payloadJson, MAX_PAYLOAD_CHARS);
      run.outcome = tooBig
        ? {
            ok: false,
            error: rawError(tooBig, undefined, 'HANDLER_ERROR'),
            payloadJson: undefined,
            seen: false,
          }
        : { ok: true, outputJson, payloadJson };
    },
    failed(token, message, stack, code, payloadJson, seen) {
      const run = active.get(token);
      if (run && !run.outcome)
        run.outcome = {
          ok: false,
          error: rawError(message, stack, code),
          payloadJson: sizeProblem('event payload', payloadJson, MAX_PAYLOAD_CHARS)
            ? undefined
            : payloadJson,
          seen,
        };
    },
  };

  const slotAt = (depth: number): IsolateSlot =>
    (slots[depth] ??= new IsolateSlot(memoryLimitMb, host, modelsJson));

  /** Prepared code by kind and version (least recently used first): one compile per version. */
  const prepare = (
    version: string,
    code: string,
    service: boolean,
  ): { key: string; handler: PreparedHandler | HandlerError } => {
    const key = (service ? 's:' : 'h:') + version;
    let entry = prepared.get(key);
    if (entry) {
      prepared.delete(key);
    } else {
      entry = service ? prepareService(code, nextId++) : prepareHandler(code, nextId++);
      if (prepared.size >= MAX_PREPARED) prepared.delete(prepared.keys().next().value as string);
    }
    prepared.set(key, entry);
    return { key, handler: entry };
  };

  /** Errors of the shape checks, then of V8 compiling the prepared script (not run). */
  const compileCheck = (handler: PreparedHandler | HandlerError): HandlerError | null => {
    if ('code' in handler) return handler;
    try {
      slotAt(stack.length).compileOnly(handler.source, handler.id);
      return null;
    } catch (err) {
      return compileErrorFromV8(err, handler);
    }
  };

  /**
   * Each nesting level has an isolate with its own memory limit, so deep recursion through services
   * could keep many full heaps alive. Once the outermost run is over, nested isolates past the first
   * few levels, and any holding more than a little heap, are let go (made again when needed).
   */
  const releaseNested = () => {
    for (let depth = slots.length - 1; depth >= 1; depth--) {
      const slot = slots[depth];
      if (!slot) continue;
      if (depth > KEPT_NESTED_LEVELS || slot.usedHeapBytes() > KEPT_NESTED_HEAP_BYTES)
        slot.dispose();
    }
    while (slots.length > 1 && slots[slots.length - 1]!.lost) slots.pop();
  };

  const run = (opts: RunOptions): RunResult => {
    const failEarly = (error: HandlerError): RunResult => ({
      ok: false,
      error,
      payload: opts.payload,
      steps: [],
      truncated: false,
    });
    const { key, handler } = prepare(opts.version, opts.code, opts.entry !== undefined);
    if ('code' in handler) return failEarly(handler);
    let range = { name: opts.entry, first: 1, last: handler.statements.length };
    if (opts.entry !== undefined) {
      const names = (handler.functions ?? []).map((f) => f.name);
      const fn = handler.functions?.find((f) => f.name === opts.entry);
      if (!fn) {
        return failEarly({
          code: 'NOT_FOUND',
          message:
            `service.ts exports no function ${opts.entry}; ` +
            (names.length ? `it exports ${names.join(', ')}` : 'it exports no functions'),
        });
      }
      range = { name: fn.name, first: fn.first, last: fn.last };
    }
    const what = opts.entry === undefined ? 'handler' : `service function ${opts.entry}`;
    if (stack.length >= MAX_DEPTH) {
      return failEarly({
        code: 'HANDLER_ERROR',
        message: `${what} runs nested more than ${MAX_DEPTH} deep`,
      });
    }
    const slot = slotAt(stack.length);
    try {
      slot.ensureCompiled(handler.id, handler.source);
    } catch (err) {
      if (err instanceof SyntaxError || (err instanceof Error && err.name === 'SyntaxError')) {
        const error = compileErrorFromV8(err, handler);
        prepared.set(key, error);
        return failEarly(error);
      }
      const failure = callFailure(err, slot, memoryLimitMb, what);
      return failEarly({
        code: failure.kind === 'memory' ? 'MEMORY_LIMIT' : 'HANDLER_ERROR',
        message: failure.kind === 'memory' ? failure.message : messageOf(err),
      });
    }

    let payloadJson: string | undefined;
    try {
      payloadJson = opts.payload === undefined ? undefined : JSON.stringify(opts.payload);
    } catch (err) {
      return failEarly({
        code: 'HANDLER_ERROR',
        message: `${opts.entry === undefined ? 'the event payload is' : 'the arguments are'} not JSON-serializable (${messageOf(err)})`,
      });
    }

    const started = now();
    const token = nextToken++;
    const current: ActiveRun = {
      token,
      prepared: handler,
      what,
      recorder: new StepRecorder(
        handler.statements,
        opts.maxSteps ?? DEFAULT_MAX_STEPS,
        now,
        performance.timeOrigin,
      ),
      bridge: opts.bridge,
      timeoutMs: opts.timeoutMs,
      deadline: started + opts.timeoutMs,
      timedOut: false,
      bridgeErrors: new Set(),
    };
    active.set(token, current);
    stack.push(current);
    let failure: CallFailure | undefined;
    try {
      slot.run(handler.id, token, payloadJson, opts.timeoutMs, range);
    } catch (err) {
      failure = callFailure(err, slot, memoryLimitMb, what);
    } finally {
      stack.pop();
      active.delete(token);
      const parent = stack[stack.length - 1];
      if (parent) parent.deadline += now() - started;
      else if (slots.length > 1) releaseNested();
    }
    return runResult(current, opts, failure);
  };

  return {
    run,
    check(code) {
      return compileCheck(prepareHandler(code, 0));
    },
    checkModule(code): ModuleCheck {
      const functions = describeFunctions(parseService(code).functions);
      return { error: compileCheck(prepareService(code, 0)), functions };
    },
    heapInUse() {
      return slots.map((slot) => slot.usedHeapBytes());
    },
    dispose() {
      for (const slot of slots) slot.dispose();
      slots.length = 0;
      prepared.clear();
    },
  };
}

/** Largest JSON text of a handler's return value and of the payload it hands back. */
const MAX_OUTPUT_CHARS = 1 << 20;
const MAX_PAYLOAD_CHARS = 8 << 20;
const MAX_MESSAGE_CHARS = 4_000;
const MAX_STACK_CHARS = 16_000;

function sizeProblem(what: string, json: string | undefined, max: number): string | null {
  if (json === undefined || json.length <= max) return null;
  return `the ${what} is ${(json.length / 2 ** 20).toFixed(1)} MB of JSON; at most ${(max / 2 ** 20).toFixed(0)} MB can be kept`;
}

const clip = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;

function rawError(
  message: string,
  stack: string | undefined,
  code: string | undefined,
): RawError & { code?: string | undefined } {
  return {
    message: clip(message, MAX_MESSAGE_CHARS),
    stack: stack === undefined ? undefined : clip(stack, MAX_STACK_CHARS),
    code,
  };
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Sorts what a call into the isolate threw; a lost isolate is dropped so the next run makes one. */
function callFailure(
  err: unknown,
  slot: IsolateSlot,
  memoryLimitMb: number,
  what: string,
): CallFailure {
  const message = messageOf(err);
  if (slot.lost || message.startsWith('Isolate was disposed during execution')) {
    slot.dispose();
    return { kind: 'memory', message: `${what} exceeded the memory limit of ${memoryLimitMb} MB` };
  }
  if (message === 'Script execution timed out.') {
    return { kind: 'timeout', stack: err instanceof Error ? err.stack : undefined };
  }
  return { kind: 'other', error: err };
}

/** One executed statement (or `app.log` line) of a handler run, shaped for the execution path view. */
export type StepRecord = {
  /** 1-based, order of execution within the run. */
  id: number;
  /** The enclosing step (the if/for/while/try... statement whose body this is in). */
  parentId: number | null;
  /** Index among siblings. */
  order: number;
  kind: 'statement' | 'log' | 'truncated';
  status: 'success' | 'failed';
  /** 1-based lines in the original handler text. */
  line: number;
  endLine: number;
  /** Character offsets [start, end) in the original handler text. */
  range: [number, number];
  /** The statement's first line of source (trimmed, at most 120 characters). */
  text: string;
  /** Epoch ms (float). */
  startedAt: number;
  /** Float, sub-millisecond resolution. */
  durationMs: number;
  /** `app.*` calls made while this statement ran (JSON-safe; huge values are replaced by a preview string). */
  calls?: StepCall[];
  /** For kind 'log': the formatted `app.log` line. */
  logs?: string[];
  error?: { message: string; stack?: string } | null;
};

export type StepCall = { path: string; args: unknown; result?: unknown; error?: string };

export type HandlerErrorCode =
  | 'HANDLER_ERROR'
  | 'TIMEOUT'
  | 'MEMORY_LIMIT'
  | 'COMPILE_ERROR'
  | 'NOT_SETTLED'
  /** `entry` names no exported function of the service module. */
  | 'NOT_FOUND';

/**
 * Why a run failed. `code` is the host error's code when a bridge error reached the top uncaught
 * (e.g. 'EVENT_FAILED'), otherwise one of HandlerErrorCode. `line`/`column` are 1-based positions in
 * the original text (handler.ts or service.ts).
 */
export type HandlerError = {
  code: HandlerErrorCode | (string & {});
  message: string;
  line?: number;
  column?: number;
  stack?: string;
};

export type RunResult =
  | { ok: true; output: unknown; payload: unknown; steps: StepRecord[]; truncated: boolean }
  | { ok: false; error: HandlerError; payload: unknown; steps: StepRecord[]; truncated: boolean };

/**
 * Called synchronously from inside the sandbox for every `app.*` call. Returns a JSON-safe value or
 * throws an Error; its message and `code` reach the handler as a catchable Error with the same
 * message and code. `app.log` arrives as path 'log' with the formatted line as the only argument.
 */
export type Bridge = (path: string, args: unknown[]) => unknown;

export type RunOptions = {
  /** Identifies the handler (e.g. the event name); runs of the same key may nest. */
  key: string;
  /** Content hash of `code`; compiled code is cached by it. */
  version: string;
  code: string;
  payload: unknown;
  timeoutMs: number;
  bridge: Bridge;
  /** Steps recorded per run before a final 'truncated' step; default 10,000. */
  maxSteps?: number;
  /**
   * Runs `code` as a service module (service.ts) and calls its exported function of this name as
   * `fn(payload, app)`, awaiting its result. Without it, `code` is a handler (default export).
   */
  entry?: string;
};

/** An exported function of a service module, as `checkModule` reports it. */
export type ServiceFunctionInfo = {
  name: string;
  /** Declared parameters (a TypeScript `this` parameter is not counted). */
  params: number;
  async: boolean;
  /** 1-based line of the declaration (where `export` is). */
  line: number;
};

export type ModuleCheck = { error: HandlerError | null; functions: ServiceFunctionInfo[] };

export interface Sandbox {
  /**
   * Compiles (cached by `version`) and runs `export default async function (event, app) {...}`
   * SYNCHRONOUSLY: returns only when the handler's promise settled. May be called again from inside
   * a bridge call (nested runs). With `entry`, `code` is a service module and its exported function
   * `entry` runs the same way (steps are those of that function's body; an unknown name fails with
   * NOT_FOUND). A service module is compiled once per `version` for all its functions.
   */
  run(opts: RunOptions): RunResult;
  /** Type-check-free compile for save-time validation: returns null or a COMPILE_ERROR with line/column. */
  check(code: string): HandlerError | null;
  /**
   * Save-time validation of a service module (service.ts): the first COMPILE_ERROR (line/column) or
   * null, and the exported functions found (also when there is an error, as far as they were read).
   */
  checkModule(code: string): ModuleCheck;
  /** Heap in use by each nesting level's isolate, outermost first (0 where none is alive). */
  heapInUse(): number[];
  dispose(): void;
}

export type SandboxOptions = {
  /** Memory limit of each isolate, default 64. */
  memoryLimitMb?: number;
  /** Model names listed by `Object.keys(app.models)`; any name still reaches the bridge. */
  models?: string[];
};

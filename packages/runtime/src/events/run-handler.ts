import { WhenThenError } from '../errors.js';
import { newId } from '../ids.js';
import type { ExecutionError, RunDraft } from '../records/types.js';
import type { Bridge, Sandbox } from '../sandbox/index.js';
import { ancestorKey, type Chain } from './chain.js';

/** What the dispatcher knows about the run it is about to start. */
export type RunRequest = {
  event: string;
  kind: string;
  timing: string | null;
  trigger: RunDraft['execution']['trigger'];
  /** The record (or subject) the run is about; re-entry is judged on (event, recordKey). Null: never skipped. */
  recordKey: string | null;
  recordId: number | null;
  mode: 'sync' | 'async';
  attempt: number;
  occurrenceId?: string;
  executionId?: string;
  code: string;
  version: string;
  /** The service function to call, for service-function handlers and service calls. */
  entry?: string;
  /** 'inline' or 'services.<Svc>.<fn>'. */
  handler: string;
  timeoutMs: number;
  /** Builds the payload once the occurrence id is known. */
  payload: (ids: { id: string; requestId: string; depth: number }) => Record<string, unknown>;
};

export type RunOutcome =
  | { status: 'skipped'; draft: RunDraft }
  | { status: 'success'; draft: RunDraft; payload: Record<string, unknown>; output: unknown }
  | { status: 'failed'; draft: RunDraft; error: WhenThenError };

export type RunServices = {
  sandbox: Sandbox;
  maxDepth: number;
  /** The bridge for code running in this run, with the chain its writes continue. */
  bridgeFor: (chain: Chain, run: { executionId: string; event: string }) => Bridge;
  /** Called with every draft the moment it exists, so records survive whatever happens next. */
  record: (draft: RunDraft) => void;
};

/**
 * Runs one handler synchronously and records it. Re-entry along the chain is skipped and recorded;
 * a run past the depth limit fails the write with DEPTH_LIMIT and the chain of events.
 */
export function runHandler(services: RunServices, chain: Chain, req: RunRequest): RunOutcome {
  const executionId = req.executionId ?? newId();
  const occurrenceId = req.occurrenceId ?? executionId;
  const depth = chain.depth + 1;
  const now = Date.now();
  const draft: RunDraft = {
    execution: {
      id: executionId,
      event: req.event,
      kind: req.kind,
      timing: req.timing,
      trigger: req.trigger,
      recordId: req.recordId,
      status: 'running',
      skipReason: null,
      mode: req.mode,
      attempt: req.attempt,
      occurrenceId,
      startedAt: new Date(now).toISOString(),
      endedAt: null,
      durationMs: null,
      handler: req.handler,
      error: null,
      input: null,
      output: null,
      codeVersion: req.version,
      requestId: chain.requestId,
      parentId: chain.parentId,
      depth,
      rolledBack: false,
    },
    steps: [],
    code: req.code,
  };
  const e = draft.execution;
  services.record(draft);
  const finish = (started: number) => {
    const end = performance.now();
    e.endedAt = new Date().toISOString();
    e.durationMs = Math.round((end - started) * 1000) / 1000;
  };

  const key = req.recordKey === null ? null : ancestorKey(req.event, req.recordKey);
  if (key !== null && chain.ancestors.includes(key)) {
    e.status = 'skipped';
    e.skipReason = 'reentry';
    e.endedAt = e.startedAt;
    e.durationMs = 0;
    return { status: 'skipped', draft };
  }
  const path = [
    ...chain.path,
    req.recordKey === null ? req.event : `${req.event} (${req.recordKey})`,
  ];
  if (depth > services.maxDepth) {
    const error = new WhenThenError(
      'DEPTH_LIMIT',
      `Depth limit ${services.maxDepth} reached: ${path.join(' → ')}`,
      undefined,
      executionId,
    );
    e.status = 'failed';
    e.error = { code: 'DEPTH_LIMIT', message: error.message, chain: path };
    e.endedAt = e.startedAt;
    e.durationMs = 0;
    return { status: 'failed', draft, error };
  }

  // A sync run's time limit covers the sync runs it sets off (the sandbox pauses a caller's clock
  // while a nested run goes on): without this a chain of service calls ran maxDepth × their limit.
  const left = chain.deadline === undefined ? Infinity : Math.floor(chain.deadline - Date.now());
  const timeoutMs = Math.min(req.timeoutMs, left);
  const capped = timeoutMs < req.timeoutMs;
  const what = req.kind === 'service' ? `Service function ${req.handler}` : `Event ${req.event}`;
  const callerLimit = `the time limit of ${chain.path[chain.path.length - 1] ?? 'its caller'}, which set it off`;
  if (timeoutMs <= 0) {
    const error = new WhenThenError(
      'EVENT_FAILED',
      `${what} failed: no time was left of ${callerLimit}`,
      undefined,
      executionId,
    );
    e.status = 'failed';
    e.error = { code: 'TIMEOUT', message: error.message };
    e.endedAt = e.startedAt;
    e.durationMs = 0;
    return { status: 'failed', draft, error };
  }

  const payload = req.payload({ id: occurrenceId, requestId: chain.requestId, depth });
  e.input = payload;
  const childChain: Chain = {
    requestId: chain.requestId,
    parentId: executionId,
    depth,
    ancestors: key === null ? chain.ancestors : [...chain.ancestors, key],
    path,
    deadline: Date.now() + timeoutMs,
  };
  const inner = services.bridgeFor(childChain, { executionId, event: req.event });
  let lastBridgeError: WhenThenError | null = null;
  const bridge: Bridge = (p, args) => {
    try {
      return inner(p, args);
    } catch (err) {
      if (err instanceof WhenThenError) lastBridgeError = err;
      throw err;
    }
  };
  const started = performance.now();
  const result = services.sandbox.run({
    key: req.event,
    version: req.version,
    code: req.code,
    payload,
    timeoutMs,
    bridge,
    ...(req.entry !== undefined ? { entry: req.entry } : {}),
  });
  finish(started);
  draft.steps = result.steps;
  if (result.ok) {
    e.status = 'success';
    e.output = result.output ?? null;
    return {
      status: 'success',
      draft,
      payload: result.payload as Record<string, unknown>,
      output: result.output,
    };
  }
  e.status = 'failed';
  if (capped && result.error.code === 'TIMEOUT')
    result.error.message += `, what was left of ${callerLimit}`;
  const recorded: ExecutionError = { ...result.error };
  e.error = recorded;
  // An uncaught error from a nested write keeps its identity: the caller learns of the innermost
  // failing event (or the depth limit), not of every handler it passed through.
  const nested = lastBridgeError as WhenThenError | null;
  if (
    nested &&
    (nested.code === 'EVENT_FAILED' || nested.code === 'DEPTH_LIMIT') &&
    result.error.message.includes(nested.message)
  ) {
    if (nested.code === 'DEPTH_LIMIT') recorded.chain = path;
    return { status: 'failed', draft, error: nested };
  }
  const where = result.error.line ? ` (handler.ts line ${result.error.line})` : '';
  const file = req.entry === undefined ? 'handler.ts' : 'service.ts';
  const error = new WhenThenError(
    'EVENT_FAILED',
    `${req.kind === 'service' ? 'Service function' : 'Event'} ${req.kind === 'service' ? req.handler : req.event} failed${where.replace('handler.ts', file)}: ${result.error.message}`,
    undefined,
    executionId,
  );
  return { status: 'failed', draft, error };
}

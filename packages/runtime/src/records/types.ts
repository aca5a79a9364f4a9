import type { StepRecord } from '../sandbox/index.js';

export type ExecutionStatus = 'queued' | 'running' | 'success' | 'failed' | 'skipped';
export const EXECUTION_STATUSES: readonly ExecutionStatus[] = [
  'queued',
  'running',
  'success',
  'failed',
  'skipped',
];

export type ExecutionError = {
  code: string;
  message: string;
  line?: number;
  column?: number;
  stack?: string;
  chain?: string[];
};

/** One handler run (one attempt), as stored and as the API returns it. */
export type Execution = {
  id: string;
  event: string;
  kind: string;
  timing: string | null;
  trigger: { model?: string; op?: string; recordId?: number | null; [k: string]: unknown };
  recordId: number | null;
  status: ExecutionStatus;
  skipReason: string | null;
  mode: 'sync' | 'async';
  attempt: number;
  occurrenceId: string;
  startedAt: string | null;
  endedAt: string | null;
  durationMs: number | null;
  handler: string;
  error: ExecutionError | null;
  input: unknown;
  output: unknown;
  codeVersion: string | null;
  requestId: string;
  parentId: string | null;
  depth: number;
  rolledBack: boolean;
};

export type ExecutionDetail = Execution & {
  steps: StepRecord[];
  chain: Execution[];
  code: string | null;
};

/** A run being recorded: the execution plus its steps and the code that ran. */
export type RunDraft = { execution: Execution; steps: StepRecord[]; code: string | null };

export type ExecutionFilter = {
  event?: string;
  status?: ExecutionStatus;
  from?: number;
  to?: number;
  recordId?: number;
  requestId?: string;
  limit?: number;
  offset?: number;
};

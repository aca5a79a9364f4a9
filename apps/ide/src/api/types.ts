import type { ElementProblem } from '@whenthen/schema';

/** One row of GET /api/elements. */
export type ElementSummary = {
  name: string;
  type: string;
  kind?: string;
  title?: string;
  enabled?: boolean;
  problems: ElementProblem[];
};

export type ElementList = { items: ElementSummary[]; problems: ElementProblem[] };

/** GET /api/elements/:name — `definition` is the element's e.json object. */
export type ElementDocument = {
  name: string;
  definition: Record<string, unknown>;
  code: string | null;
  version: string;
};

export type Page<T> = { total: number; items: T[] };

export type ExecutionStatus = 'queued' | 'running' | 'success' | 'failed' | 'skipped';
export const EXECUTION_STATUSES: readonly ExecutionStatus[] = [
  'failed',
  'success',
  'running',
  'queued',
  'skipped',
];

export type ExecutionError = {
  code: string;
  message: string;
  line?: number;
  column?: number;
  stack?: string;
};

export type Execution = {
  id: string;
  event: string;
  kind: string;
  timing: string | null;
  trigger: { model?: string; op?: string; recordId?: number | string | null } | null;
  recordId: number | string | null;
  status: ExecutionStatus;
  skipReason: string | null;
  mode: 'sync' | 'async';
  attempt: number;
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

export type StepCall = { path: string; args: unknown; result?: unknown; error?: unknown };

export type Step = {
  id: string | number;
  parentId: string | number | null;
  order: number;
  kind: 'statement' | 'log' | 'truncated';
  status: 'success' | 'failed';
  line: number | null;
  endLine: number | null;
  range: [number, number] | null;
  text: string | null;
  startedAt: string | number | null;
  durationMs: number | null;
  calls?: StepCall[];
  logs?: string[];
  error?: { message: string; stack?: string } | null;
};

export type ExecutionDetail = Execution & {
  steps: Step[];
  chain: Execution[];
  code: string | null;
};

export type Notification = {
  id: string | number;
  to: string;
  title: string;
  body: string | null;
  createdAt: string;
  executionId: string | null;
  requestId: string | null;
};

export type DataRecord = { id: number } & Record<string, unknown>;

export type ErrorDetail = { field: string; reason: string };

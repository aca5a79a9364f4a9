// Builders shared by the sandbox tests (not part of the package API).
import { createHash } from 'node:crypto';
import type { Bridge, RunOptions, RunResult, Sandbox, StepRecord } from './types.js';

/** A handler whose body starts on line 2. */
export function handler(body: string, params = 'event: any, app: any'): string {
  return `export default async function (${params}) {\n${body}\n}\n`;
}

export type BridgeCall = { path: string; args: unknown[] };

/** A bridge answering from `answers` by path (default: echo `{ ok: true }`) and remembering calls. */
export function recordingBridge(answers: Record<string, (args: unknown[]) => unknown> = {}): {
  bridge: Bridge;
  calls: BridgeCall[];
} {
  const calls: BridgeCall[] = [];
  const bridge: Bridge = (path, args) => {
    calls.push({ path, args });
    const answer = answers[path];
    return answer ? answer(args) : path === 'log' ? undefined : { ok: true };
  };
  return { bridge, calls };
}

export function hostError(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

export function run(sandbox: Sandbox, code: string, opts: Partial<RunOptions> = {}): RunResult {
  return sandbox.run({
    key: 'TestEvent',
    version: createHash('sha1').update(code).digest('hex'),
    code,
    payload: {},
    timeoutMs: 1000,
    bridge: recordingBridge().bridge,
    ...opts,
  });
}

/** Runs function `entry` of service module `code` (service.ts) with `args` as its first argument. */
export function runService(
  sandbox: Sandbox,
  code: string,
  entry: string,
  args: unknown,
  opts: Partial<RunOptions> = {},
): RunResult {
  return run(sandbox, code, { key: `Service.${entry}`, entry, payload: args, ...opts });
}

/** Steps as `depth:line status text` lines, for readable assertions on the tree. */
export function outline(steps: StepRecord[]): string[] {
  const depth = new Map<number, number>();
  return steps.map((s) => {
    const d = s.parentId === null ? 0 : (depth.get(s.parentId) ?? 0) + 1;
    depth.set(s.id, d);
    const label =
      s.kind === 'log' ? `log ${s.logs?.join(' ')}` : s.kind === 'truncated' ? 'truncated' : s.text;
    return `${'  '.repeat(d)}${s.line} ${s.status} ${label}`;
  });
}

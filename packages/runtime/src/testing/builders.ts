import type { Field } from '@whenthen/schema';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WhenThenError } from '../errors.js';
import { Runtime } from '../runtime.js';

type EventSpec = {
  name: string;
  model?: string;
  timing: string;
  code: string;
  fields?: string[];
  filter?: unknown;
  filterMode?: 'matches' | 'becomesMatching';
  async?: boolean;
  order?: number;
  enabled?: boolean;
  retry?: { attempts: number; backoffMs: number };
  timeoutMs?: number;
};

export const model = (name: string, fields: Field[]) => ({ name, fields });
export const event = (spec: EventSpec) => spec;

/** A handler body wrapped in the handler signature. */
export const handler = (body: string) =>
  `export default async function (event, app) {\n${body}\n}\n`;

/** Writes an application folder with the given models and events and opens a runtime on it. */
export type ServiceSpec = {
  name: string;
  functions: { name: string; params: { name: string; type: string; required?: boolean }[] }[];
  eventDescs?: { name: string; title?: string }[];
  code: string;
};

export function testApp(opts: {
  models: { name: string; fields: Field[] }[];
  events?: EventSpec[];
  services?: ServiceSpec[];
  /** Raw event definitions (any kind), written as given with their handler code. */
  rawEvents?: { name: string; definition: Record<string, unknown>; code?: string }[];
  maxDepth?: number;
  worker?: boolean;
}): { runtime: Runtime; dir: string; close: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'whenthen-test-'));
  writeFileSync(
    join(dir, 'app.json'),
    JSON.stringify({ name: 'test', limits: { maxDepth: opts.maxDepth ?? 16 } }),
  );
  for (const m of opts.models) {
    mkdirSync(join(dir, 'models', m.name), { recursive: true });
    writeFileSync(
      join(dir, 'models', m.name, 'e.json'),
      JSON.stringify({ type: 'model', title: m.name, fields: m.fields }),
    );
  }
  for (const e of opts.events ?? []) {
    mkdirSync(join(dir, 'events', e.name), { recursive: true });
    const { name: _n, code, model: m, enabled, ...rest } = e;
    writeFileSync(
      join(dir, 'events', e.name, 'e.json'),
      JSON.stringify({
        type: 'event',
        kind: 'model',
        model: `models.${m ?? 'Order'}`,
        enabled: enabled ?? true,
        ...rest,
      }),
    );
    writeFileSync(join(dir, 'events', e.name, 'handler.ts'), code);
  }
  for (const svc of opts.services ?? []) {
    mkdirSync(join(dir, 'services', svc.name), { recursive: true });
    writeFileSync(
      join(dir, 'services', svc.name, 'e.json'),
      JSON.stringify({
        type: 'service',
        title: svc.name,
        functions: svc.functions,
        eventDescs: svc.eventDescs ?? [],
      }),
    );
    writeFileSync(join(dir, 'services', svc.name, 'service.ts'), svc.code);
  }
  for (const e of opts.rawEvents ?? []) {
    mkdirSync(join(dir, 'events', e.name), { recursive: true });
    writeFileSync(
      join(dir, 'events', e.name, 'e.json'),
      JSON.stringify({ type: 'event', enabled: true, ...e.definition }),
    );
    if (e.code !== undefined) writeFileSync(join(dir, 'events', e.name, 'handler.ts'), e.code);
  }
  const runtime = new Runtime({ dir, worker: opts.worker ?? true });
  return {
    runtime,
    dir,
    close: () => {
      runtime.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The WhenThenError `fn` throws (anything else is rethrown; not throwing fails the test). */
export function failure(fn: () => unknown): WhenThenError {
  try {
    fn();
  } catch (e) {
    if (e instanceof WhenThenError) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
}

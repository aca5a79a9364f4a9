// Benchmark sections 6–8: execution records at scale, code ↔ blocks, real input over HTTP.
import { Runtime, newId } from '@whenthen/runtime';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { orderRow } from './orders.mjs';
import { quantile } from './stats.mjs';

const STATUSES = ['success', 'success', 'success', 'failed', 'skipped'];

/** (6) Listing by status and time range over N stored runs; one run with 1,000 steps; size per million. */
export async function records({ work, row, section, SIZE }) {
  section(`6. Execution records (${SIZE.runs.toLocaleString('en')} stored runs)`);
  const dir = join(work, 'records');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'app.json'), '{"name":"records"}');
  const runtime = new Runtime({ dir, worker: false });
  const start = Date.parse('2026-01-01T00:00:00Z');
  const span = 30 * 86_400_000;
  const step = (i) => ({
    id: i + 1,
    parentId: null,
    order: i,
    kind: 'statement',
    status: 'success',
    line: 2 + (i % 40),
    endLine: 2 + (i % 40),
    range: [i * 10, i * 10 + 9],
    text: `await app.models.Order.update(event.next.id, { status: 'step ${i}' });`,
    startedAt: start,
    durationMs: 0.012,
    calls: [{ path: 'models.Order.update', args: [1, { status: `step ${i}` }], result: { id: 1 } }],
  });
  const draft = (i, t, steps) => ({
    execution: {
      id: newId(t),
      event: `events.E${i % 20}`,
      kind: 'model',
      timing: 'afterCreate',
      trigger: { model: 'models.Order', op: 'create', recordId: i },
      recordId: i,
      status: STATUSES[i % STATUSES.length],
      skipReason: null,
      mode: i % 4 ? 'sync' : 'async',
      attempt: 1,
      occurrenceId: 'x',
      startedAt: new Date(t).toISOString(),
      endedAt: new Date(t + 1).toISOString(),
      durationMs: 0.4,
      handler: 'inline',
      error:
        i % 5 === 3
          ? { code: 'HANDLER_ERROR', message: 'sales must not be negative', line: 4 }
          : null,
      input: {
        model: 'models.Order',
        timing: 'afterCreate',
        op: 'create',
        prev: null,
        next: { id: i, ...orderRow(i) },
        changed: ['sales'],
        batch: null,
      },
      output: null,
      codeVersion: 'v1',
      requestId: `r${i}`,
      parentId: null,
      depth: 1,
      rolledBack: false,
    },
    steps,
    code: i === 0 ? 'export default async function (event, app) {}' : null,
  });
  const t0 = performance.now();
  const BATCH = 10_000;
  const insertBatch = runtime.db.transaction((from, to) => {
    for (let i = from; i < to; i++)
      runtime.executions.save(
        draft(i, start + Math.floor((i * span) / SIZE.runs), i % 3 === 0 ? [step(0), step(1)] : []),
      );
  });
  for (let from = 0; from < SIZE.runs; from += BATCH) {
    insertBatch(from, Math.min(SIZE.runs, from + BATCH));
    if (!SIZE.tiny && from % 100_000 === 0)
      process.stderr.write(`\r  storing runs… ${from.toLocaleString('en')}`);
  }
  process.stderr.write('\r');
  const big = draft(
    SIZE.runs,
    start + span,
    Array.from({ length: SIZE.steps }, (_, i) => step(i)),
  );
  runtime.executions.save(big);
  row(
    '(6) storing runs (batches of 10,000 per transaction)',
    SIZE.runs / ((performance.now() - t0) / 1000),
    'runs/s',
    null,
    null,
  );

  const times = [];
  for (let q = 0; q < SIZE.queries; q++) {
    const status = ['success', 'failed', 'skipped'][q % 3];
    const from = start + Math.floor((((q * 7919) % 1000) / 1000) * span * 0.8);
    const to = from + (q % 2 ? 86_400_000 : 7 * 86_400_000);
    const t = performance.now();
    const page = runtime.executions.list({
      status,
      from,
      to,
      limit: 50,
      offset: q % 4 === 0 ? 100 : 0,
    });
    times.push(performance.now() - t);
    if (!page.items.length && !SIZE.tiny) throw new Error('records: empty page');
  }
  row(
    '(6) list by status and time range, p95',
    quantile(times, 0.95),
    'ms',
    '≤ 50',
    quantile(times, 0.95) <= 50,
  );
  const loads = [];
  for (let q = 0; q < 20; q++) {
    const t = performance.now();
    const d = runtime.executions.detail(big.execution.id);
    loads.push(performance.now() - t);
    if (d.steps.length !== SIZE.steps) throw new Error('records: steps missing');
  }
  row(
    `(6) load one run with ${SIZE.steps} steps, p95`,
    quantile(loads, 0.95),
    'ms',
    '≤ 100',
    quantile(loads, 0.95) <= 100,
  );
  runtime.db.pragma('wal_checkpoint(TRUNCATE)');
  const file = join(dir, '.whenthen', 'app.db');
  const bytes =
    statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);
  row(
    '(6) database size per million runs',
    ((bytes / SIZE.runs) * 1e6) / 2 ** 20,
    'MiB',
    null,
    null,
  );
  runtime.close();
}

/** (7) Code ↔ blocks on a 1,000-line handler, when the blocks package is built. */
export async function codeBlocks({ row, section, tiny }) {
  section('7. Code ↔ blocks');
  let blocks;
  try {
    blocks = await import('@whenthen/blocks');
  } catch {
    console.log('  (the blocks package is not built; skipped)');
    return;
  }
  if (!blocks.generateLargeHandler || !blocks.parseBlocks) {
    console.log('  (the blocks package has no generateLargeHandler/parseBlocks; skipped)');
    return;
  }
  const code = blocks.generateLargeHandler(1000);
  const parse = [];
  const print = [];
  const reps = tiny ? 3 : 30;
  for (let k = 0; k < reps + 3; k++) {
    const t = performance.now();
    const doc = blocks.parseBlocks(code);
    const t1 = performance.now();
    const out = blocks.printBlocks(doc);
    const t2 = performance.now();
    if (out !== code) throw new Error('blocks: round trip is not byte-identical');
    if (k >= 3) (parse.push(t1 - t), print.push(t2 - t1));
  }
  row(
    '(7) parse a 1,000-line handler to blocks (Node), median',
    quantile(parse, 0.5),
    'ms',
    '≤ 50',
    quantile(parse, 0.5) <= 50,
  );
  row(
    '(7) print it back to code (Node), median',
    quantile(print, 0.5),
    'ms',
    '≤ 20',
    quantile(print, 0.5) <= 20,
  );
}

/** (8) The Superstore orders through the HTTP API with the demo's events enabled. */
export async function realInput({ work, row, section, SIZE }) {
  section('8. Real input: Superstore orders over HTTP, demo events enabled');
  const { runImport } = await import('./real-input.mjs');
  const result = await runImport({ work, limit: SIZE.realLimit });
  row('(8) orders per second over HTTP', result.ordersPerSecond, 'orders/s', null, null);
  row('(8) peak memory (server process RSS)', result.peakRssMiB, 'MiB', null, null);
}

// `npm run bench`: measures WhenThen against its own physical limit. Compared figures run
// interleaved (A B A B …) with the same SQLite settings and their medians are compared.
// `--tiny` runs every section with tiny sizes (CI uses it so the benchmark never rots; times are
// not judged then). Results: a table on stdout and bench/results.json.
import { Runtime, openDatabase } from '@whenthen/runtime';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { records, realInput, codeBlocks } from './sections.mjs';
import { ORDER_FIELDS, orderRow } from './orders.mjs';
import { median, quantile, round } from './stats.mjs';

const tiny = process.argv.includes('--tiny');
const SIZE = tiny
  ? {
      rounds: 2,
      perRound: 50,
      asyncRuns: 200,
      latencySamples: 20,
      runs: 5_000,
      steps: 1_000,
      queries: 20,
      realLimit: 200,
    }
  : {
      rounds: 9,
      perRound: 3_000,
      asyncRuns: 20_000,
      latencySamples: 400,
      runs: 1_000_000,
      steps: 1_000,
      queries: 200,
      realLimit: Infinity,
    };

const work = mkdtempSync(join(tmpdir(), 'whenthen-bench-'));
const rows = [];
const row = (name, value, unit, target, met) => {
  rows.push({ name, value: round(value, 3), unit, target, met: tiny ? null : met });
  console.log(
    `  ${name.padEnd(64)} ${String(round(value, 3)).padStart(12)} ${unit.padEnd(8)} ${target ?? ''} ${tiny || met === null ? '' : met ? '✔' : '✘'}`,
  );
};

function appFolder(name, events) {
  const dir = join(work, name);
  mkdirSync(join(dir, 'models', 'Order'), { recursive: true });
  writeFileSync(join(dir, 'app.json'), JSON.stringify({ name }));
  writeFileSync(
    join(dir, 'models', 'Order', 'e.json'),
    JSON.stringify({ type: 'model', fields: ORDER_FIELDS }),
  );
  for (const [i, e] of events.entries()) {
    const ev = join(dir, 'events', `E${i}`);
    mkdirSync(ev, { recursive: true });
    const { code, ...def } = e;
    writeFileSync(
      join(ev, 'e.json'),
      JSON.stringify({
        type: 'event',
        kind: 'model',
        model: 'models.Order',
        enabled: true,
        ...def,
      }),
    );
    writeFileSync(join(ev, 'handler.ts'), code);
  }
  return dir;
}

const noop = 'export default async function (event, app) {\n  app.log("never");\n}\n';
/** 20 enabled events that never match a create: create timings with false filters, update timings on other fields. */
function nonMatchingEvents() {
  const out = [];
  for (let i = 0; i < 10; i++)
    out.push({
      timing: i % 2 ? 'beforeCreate' : 'afterCreate',
      filter: { field: 'sales', op: 'lt', value: -1_000_000 - i },
      code: noop,
    });
  for (let i = 0; i < 10; i++)
    out.push({ timing: i % 2 ? 'beforeUpdate' : 'afterUpdate', fields: ['status'], code: noop });
  return out;
}

function section(title) {
  console.log(`\n${title}`);
}

async function throughput() {
  section('1–4. Creates per second (one row per transaction, WAL, synchronous=NORMAL)');
  // (1) Reference: raw better-sqlite3 inserts of the same rows.
  const rawDb = openDatabase(join(work, 'raw', 'raw.db'));
  rawDb.exec(
    `CREATE TABLE m_Order (id INTEGER PRIMARY KEY AUTOINCREMENT, ${ORDER_FIELDS.map((f) => `"${f.name}" ${f.type === 'number' ? 'REAL' : f.type === 'integer' ? 'INTEGER' : 'TEXT'}`).join(', ')})`,
  );
  const names = ORDER_FIELDS.map((f) => f.name);
  const insert = rawDb.prepare(
    `INSERT INTO m_Order (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
  );
  const rawTx = rawDb.transaction((r) => insert.run(...names.map((n) => r[n])));

  const plain = new Runtime({ dir: appFolder('plain', []), worker: false });
  const nonMatching = new Runtime({
    dir: appFolder('nonmatching', nonMatchingEvents()),
    worker: false,
  });
  const beforeHandler = new Runtime({
    dir: appFolder('before', [
      {
        timing: 'beforeCreate',
        code: 'export default async function (event, app) {\n  event.next.margin = event.next.profit / event.next.sales;\n}\n',
      },
    ]),
    worker: false,
  });
  const contenders = {
    raw: (r) => rawTx(r),
    plain: (r) => plain.data.create('models.Order', r),
    nonMatching: (r) => nonMatching.data.create('models.Order', r),
    before: (r) => beforeHandler.data.create('models.Order', r),
  };
  const rates = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  let i = 0;
  // Warm up each contender (statement caches, sandbox compile, JIT).
  for (const fn of Object.values(contenders)) for (let k = 0; k < 200; k++) fn(orderRow(i++));
  for (let round_ = 0; round_ < SIZE.rounds; round_++) {
    for (const [name, fn] of Object.entries(contenders)) {
      const batch = Array.from({ length: SIZE.perRound }, () => orderRow(i++));
      const t0 = performance.now();
      for (const r of batch) fn(r);
      rates[name].push(SIZE.perRound / ((performance.now() - t0) / 1000));
    }
  }
  const m = Object.fromEntries(Object.entries(rates).map(([k, v]) => [k, median(v)]));
  const ratios = (a, b) => median(rates[a].map((x, j) => x / rates[b][j]));
  row('(1) raw better-sqlite3 inserts', m.raw, 'rows/s', null, null);
  row('(2) data API creates, no events', m.plain, 'rows/s', null, null);
  row('(2) ÷ (1)', ratios('plain', 'raw'), 'ratio', null, null);
  row(
    '(3) with 20 enabled non-matching events ÷ (2)',
    ratios('nonMatching', 'plain'),
    'ratio',
    '≥ 0.95',
    ratios('nonMatching', 'plain') >= 0.95,
  );
  row(
    '(4) with one sync before-create handler, records stored ÷ (2)',
    ratios('before', 'plain'),
    'ratio',
    '≥ 0.5',
    ratios('before', 'plain') >= 0.5,
  );
  const recorded = beforeHandler.executions.list({ limit: 1 });
  if (recorded.total < SIZE.rounds * SIZE.perRound)
    throw new Error(`(4) recorded only ${recorded.total} runs`);
  for (const r of [plain, nonMatching, beforeHandler]) r.close();
  rawDb.close();
}

async function asyncRuns() {
  section('5. Async after-create handler');
  const runtime = new Runtime({
    dir: appFolder('async', [
      {
        timing: 'afterCreate',
        async: true,
        code: 'export default async function (event, app) {\n  const total = event.next.sales * event.next.quantity;\n  app.log("total", total);\n}\n',
      },
    ]),
  });
  // Sustained rate: queue N runs, then time how long the worker takes to run them all.
  for (let k = 0; k < SIZE.asyncRuns; k++) runtime.data.create('models.Order', orderRow(k));
  const t0 = performance.now();
  await runtime.idle();
  const rate = SIZE.asyncRuns / ((performance.now() - t0) / 1000);
  const done = runtime.executions.list({ status: 'success', limit: 1 }).total;
  if (done !== SIZE.asyncRuns)
    throw new Error(`async: ${done} of ${SIZE.asyncRuns} runs succeeded`);
  row('(5) async handler runs per second, records stored', rate, 'runs/s', '≥ 5000', rate >= 5000);
  // Latency from commit to start, one write at a time with the event loop free in between.
  const latencies = [];
  for (let k = 0; k < SIZE.latencySamples; k++) {
    const before = runtime.executions.list({ limit: 1 }).items[0]?.id;
    const committed = performance.timeOrigin + performance.now();
    runtime.data.create('models.Order', orderRow(k));
    await runtime.idle();
    const run = runtime.executions.list({ limit: 1 }).items[0];
    if (!run || run.id === before || !run.startedAt) throw new Error('async run not recorded');
    latencies.push(Math.max(0, Date.parse(run.startedAt) - committed));
    await new Promise((r) => setTimeout(r, 2));
  }
  row(
    '(5) commit → start latency p50',
    quantile(latencies, 0.5),
    'ms',
    '≤ 10',
    quantile(latencies, 0.5) <= 10,
  );
  row(
    '(5) commit → start latency p99',
    quantile(latencies, 0.99),
    'ms',
    '≤ 50',
    quantile(latencies, 0.99) <= 50,
  );
  runtime.close();
}

async function main() {
  console.log(
    `WhenThen benchmark${tiny ? ' (tiny sizes; times not judged)' : ''} — ${new Date().toISOString()}`,
  );
  try {
    await throughput();
    await asyncRuns();
    await records({ work, row, section, SIZE });
    await codeBlocks({ row, section, tiny });
    await realInput({ work, row, section, SIZE });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const machine = {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: process.platform,
  };
  const out = { date: new Date().toISOString(), machine, tiny, rows };
  writeFileSync(new URL('./results.json', import.meta.url), JSON.stringify(out, null, 2) + '\n');
  const missed = rows.filter((r) => r.met === false);
  console.log(
    `\nWrote bench/results.json${tiny ? '' : missed.length ? `; ${missed.length} target(s) missed` : '; every target met'}`,
  );
}

await main();

import { parseBlocks } from './parse.js';
import { printBlocks } from './print.js';

const CHUNK = [
  '  // Order {n}: check the amount before anything else',
  '  const amount{n} = event.next.sales * {n};',
  '  if (amount{n} > 1000 && event.next?.region === `North`) {',
  "    await app.notify({ to: 'ann', title: `Big order ${event.next.id}`, body: 'Sales: ' + amount{n} });",
  '  } else if (amount{n} < 0) {',
  "    throw new Error('Negative amount on order {n}');",
  '  } else {',
  "    app.log('small order', amount{n});",
  '  }',
  '',
  '  const rows{n} = await app.models.Order.query({ region: event.next.region }, { limit: {n} });',
  '  for (const row of rows{n}) {',
  '    await app.models.Order.update(row.id, { checked: true }); // mark it',
  '  }',
  '  await app.services.Billing.charge({ orderId: event.next.id, step: {n} });',
  "  await app.event.publish('services.Billing.paid', { id: event.next.id });",
];

/**
 * A handler of about `lines` lines mixing every kind of block, comments and blank lines: the input
 * of the parse and print benchmark.
 */
export function generateLargeHandler(lines = 1000): string {
  const out = ['export default async function (event, app) {'];
  let n = 1;
  for (; out.length + CHUNK.length <= lines - 1; n++) {
    for (const line of CHUNK) out.push(line.replaceAll('{n}', String(n)));
  }
  // Whole chunks only, so no block is cut open; single statements fill the rest.
  while (out.length < lines - 1) out.push(`  app.log('filler', ${n++});`);
  out.push('}', '');
  return out.join('\n');
}

export interface BlocksTiming {
  lines: number;
  /** Median milliseconds of `parseBlocks` over the runs. */
  parseMs: number;
  /** Median milliseconds of `printBlocks` over the runs. */
  printMs: number;
}

/** Times parse and print of a generated handler (after a few warm-up runs); for the benchmark, not tests. */
export function measureBlocks(lines = 1000, runs = 30): BlocksTiming {
  const clock = (globalThis as { performance?: { now(): number } }).performance ?? Date;
  const code = generateLargeHandler(lines);
  const parseTimes: number[] = [];
  const printTimes: number[] = [];
  for (let run = 0; run < runs + 5; run++) {
    const started = clock.now();
    const doc = parseBlocks(code);
    const parsed = clock.now();
    const printed = printBlocks(doc);
    const done = clock.now();
    if (doc.error || printed !== code) throw new Error('The benchmark handler did not round-trip.');
    if (run >= 5) {
      parseTimes.push(parsed - started);
      printTimes.push(done - parsed);
    }
  }
  return {
    lines: code.split('\n').length,
    parseMs: median(parseTimes),
    printMs: median(printTimes),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

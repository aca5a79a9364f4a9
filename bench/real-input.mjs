// (8) Real input: the server runs in this process on a copy of the demo (its events enabled); the
// import script, a separate process, sends the Superstore orders over HTTP. Peak memory is this
// (server) process's RSS, sampled while the import runs.
import { buildServer } from '@whenthen/server';
import { Runtime } from '@whenthen/runtime';
import { spawn } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function runImport({ work, limit }) {
  const dir = join(work, 'order-desk');
  cpSync(join(root, 'examples', 'order-desk'), dir, {
    recursive: true,
    filter: (src) => !src.includes('.whenthen'),
  });
  const runtime = new Runtime({ dir });
  const server = await buildServer({ runtime, token: 'bench' });
  await server.listen({ host: '127.0.0.1', port: 0 });
  const { port } = server.server.address();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  try {
    const args = [
      join(root, 'scripts', 'import-superstore.mjs'),
      '--url',
      `http://127.0.0.1:${port}`,
      '--token',
      'bench',
    ];
    if (Number.isFinite(limit)) args.push('--limit', String(limit));
    const output = await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      child.on('exit', (code) =>
        code === 0
          ? resolve(out)
          : reject(new Error(`import failed (${code}):\n${out.slice(-2000)}`)),
      );
    });
    const match = /orders: ([\d.,]+) s, ([\d.,]+) orders\/s/.exec(output);
    const created = /Orders:\s+([\d,]+) created/.exec(output);
    if (!match || !created)
      throw new Error(`cannot read the import summary:\n${output.slice(-1000)}`);
    await runtime.idle();
    const stored = runtime.data.count('models.Order');
    const num = (s) => Number(s.replace(/,/g, ''));
    if (stored !== num(created[1]))
      throw new Error(`import said ${created[1]} created, ${stored} stored`);
    return { ordersPerSecond: num(match[2]), peakRssMiB: peak / 2 ** 20, orders: stored };
  } finally {
    clearInterval(sampler);
    await server.close();
    runtime.close();
  }
}

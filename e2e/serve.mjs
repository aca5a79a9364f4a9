// Serves a fresh copy of the demo application for the browser tests, with a known token.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = process.argv[2] ?? '4311';
const dir = join(mkdtempSync(join(tmpdir(), 'whenthen-e2e-')), 'order-desk');
cpSync('examples/order-desk', dir, {
  recursive: true,
  filter: (src) => !src.includes('.whenthen'),
});
const child = spawn(
  process.execPath,
  ['--no-node-snapshot', 'apps/server/bin/whenthen.js', 'dev', dir, '--port', port],
  {
    stdio: 'inherit',
    env: { ...process.env, WHENTHEN_TOKEN: process.env.E2E_TOKEN ?? 'e2e-token' },
  },
);
const stop = () => child.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', (code) => {
  rmSync(join(dir, '..'), { recursive: true, force: true });
  process.exit(code ?? 0);
});

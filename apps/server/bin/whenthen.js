#!/usr/bin/env node
// The `whenthen` command. The sandbox (isolated-vm) needs V8 without its startup snapshot, so the
// command re-runs itself with --no-node-snapshot when started without it.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

if (!process.execArgv.includes('--no-node-snapshot')) {
  const child = spawn(
    process.execPath,
    [
      '--no-node-snapshot',
      ...process.execArgv,
      fileURLToPath(import.meta.url),
      ...process.argv.slice(2),
    ],
    {
      stdio: 'inherit',
    },
  );
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  const { main } = await import('../dist/cli.js');
  await main(process.argv.slice(2));
}

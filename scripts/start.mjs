// `npm start` (after the build): serves the demo application with the IDE. It works on a copy of
// examples/order-desk at .demo/order-desk (git-ignored), made only when missing, so elements and data
// made in the IDE survive restarts; `npm run demo:reset` starts over. Arguments are passed on to the
// server (`npm start -- --port 4320`); PORT and WHENTHEN_TOKEN are honoured by the server itself.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';
import { copyExample, DEMO_DIR, EXAMPLE_DIR, rel } from './demo-reset.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'apps', 'server', 'bin', 'whenthen.js');

if (!existsSync(join(root, 'apps', 'server', 'dist', 'cli.js'))) {
  console.error(
    'start: the server is not built; run `npm run build` (or `npm start`, which builds first).',
  );
  process.exit(1);
}

if (existsSync(DEMO_DIR)) {
  console.log(
    `Serving ${rel(DEMO_DIR)}, your copy of the demo (\`npm run demo:reset\` starts over).`,
  );
} else {
  copyExample();
  console.log(`Copied ${rel(EXAMPLE_DIR)} to ${rel(DEMO_DIR)}; the server works on this copy.`);
  console.log('Import the sample orders with `npm run demo:import` in another terminal.');
}

const child = spawn(
  process.execPath,
  ['--no-node-snapshot', bin, 'dev', DEMO_DIR, ...process.argv.slice(2)],
  { stdio: 'inherit', cwd: root },
);
// A signal sent to this process alone (not through the terminal) must still stop the server.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  process.exit(code ?? 128 + (constants.signals[signal] ?? 1));
});

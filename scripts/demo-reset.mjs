// `npm run demo:reset`: throws away the working copy of the demo (.demo/order-desk: its elements and
// its data in .whenthen/) and makes a fresh copy of examples/order-desk. `npm start` serves the copy,
// so the example in git stays as shipped.
import {
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const EXAMPLE_DIR = join(root, 'examples', 'order-desk');
export const DEMO_DIR = join(root, '.demo', 'order-desk');
export const rel = (p) => relative(process.cwd(), p) || '.';

/** Copies the example to the demo folder, leaving out local state a server may have left there. */
export function copyExample() {
  cpSync(EXAMPLE_DIR, DEMO_DIR, {
    recursive: true,
    filter: (src) => basename(src) !== '.whenthen',
  });
}

/** Pids of `whenthen … dev <folder>` processes serving `dir` (Linux /proc; elsewhere none found). */
function serversOn(dir) {
  if (!existsSync('/proc')) return [];
  const found = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      const dev = args.findIndex(
        (a, i) => a === 'dev' && /whenthen(\.js)?$/.test(args[i - 1] ?? ''),
      );
      if (dev < 0 || !args[dev + 1]) continue;
      const cwd = readlinkSync(`/proc/${pid}/cwd`);
      if (resolve(cwd, args[dev + 1]) === dir) found.push(Number(pid));
    } catch {
      // the process ended meanwhile, or is not ours to read
    }
  }
  return found;
}

function sizeOf(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.size;
  return readdirSync(path).reduce((sum, entry) => sum + sizeOf(join(path, entry)), 0);
}

function main() {
  const force = process.argv.includes('--force');
  if (existsSync(DEMO_DIR)) {
    const pids = serversOn(DEMO_DIR);
    if (pids.length && !force) {
      console.error(
        `demo:reset: a WhenThen server (pid ${pids.join(', ')}) is serving ${rel(DEMO_DIR)}.\n` +
          `Stop it first (Ctrl+C where \`npm start\` runs), or pass --force.`,
      );
      process.exit(1);
    }
    const elements = ['models', 'services', 'approvals', 'events', 'agents', 'assistants']
      .filter((g) => existsSync(join(DEMO_DIR, g)))
      .flatMap((g) => readdirSync(join(DEMO_DIR, g)).map((e) => `${g}.${e}`));
    const state = join(DEMO_DIR, '.whenthen');
    const data = existsSync(state)
      ? `${(sizeOf(state) / 1e6).toFixed(1)} MB of data and records in .whenthen/`
      : 'no data yet';
    console.log(
      `Deleting ${rel(DEMO_DIR)}: ${elements.length} elements (${elements.join(', ')}), ${data}.`,
    );
    rmSync(DEMO_DIR, { recursive: true, force: true });
  }
  copyExample();
  console.log(
    `Made a fresh copy of ${rel(EXAMPLE_DIR)} at ${rel(DEMO_DIR)}. \`npm start\` serves it.`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();

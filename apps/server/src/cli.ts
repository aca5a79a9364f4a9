import { Runtime } from '@whenthen/runtime';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from './server.js';

const USAGE = `Usage: whenthen dev <application folder> [--port N]

Serves the application's REST API and the IDE on 127.0.0.1 (default port 4310).
Environment: PORT, WHENTHEN_TOKEN (else a token kept in <folder>/.whenthen/token).`;

/** The token survives restarts so an open IDE tab keeps working. */
function tokenFor(dir: string): string {
  if (process.env.WHENTHEN_TOKEN) return process.env.WHENTHEN_TOKEN;
  const file = join(dir, '.whenthen', 'token');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(join(dir, '.whenthen'), { recursive: true });
  const token = randomBytes(18).toString('base64url');
  writeFileSync(file, token + '\n', { mode: 0o600 });
  return token;
}

/** Ends the process with an exit status. */
const exitWith: (code: number) => never = process.exit.bind(process);

export async function main(argv: string[]): Promise<void> {
  const [command, folder, ...rest] = argv;
  if (command !== 'dev' || !folder) {
    console.error(USAGE);
    exitWith(command === '--help' || command === '-h' ? 0 : 2);
  }
  const dir = resolve(folder);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    console.error(`whenthen: ${dir} is not a folder`);
    exitWith(2);
  }
  let port = Number(process.env.PORT ?? 4310);
  const portFlag = rest.indexOf('--port');
  if (portFlag >= 0) port = Number(rest[portFlag + 1]);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`whenthen: --port needs a number between 0 and 65535`);
    exitWith(2);
  }
  const runtime = new Runtime({ dir, watch: true });
  const token = tokenFor(dir);
  const ideDir = fileURLToPath(new URL('../../ide/dist/', import.meta.url));
  const server = await buildServer({ runtime, token, ideDir });
  try {
    await server.listen({ host: '127.0.0.1', port });
  } catch (e) {
    console.error(`whenthen: cannot listen on 127.0.0.1:${port}: ${(e as Error).message}`);
    runtime.close();
    exitWith(1);
  }
  const address = server.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const { items, problems } = runtime.listElements();
  const withProblems = items.filter((i) => i.problems.length).length + (problems.length ? 1 : 0);
  console.log(`WhenThen is serving ${dir}`);
  console.log(
    `  ${items.length} elements${withProblems ? `, ${withProblems} with problems (see the IDE)` : ''}`,
  );
  if (!existsSync(join(ideDir, 'index.html')))
    console.log('  (the IDE is not built: run npm run build)');
  console.log(`\n  Open http://127.0.0.1:${actualPort}/#token=${token}\n`);
  const stop = async () => {
    await server.close();
    runtime.close();
    exitWith(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

// `npm test`: builds, then runs the unit and integration tests (vitest) and the browser tests
// (Playwright in Debian's Chromium). Stops at the first failing stage.
import { spawnSync } from 'node:child_process';
import { findChromium } from './chromium.mjs';

const chromium = findChromium();
console.log(`Browser tests use ${chromium}`);

const stages = [
  ['build', 'npx', ['turbo', 'run', 'build', '--output-logs=errors-only']],
  ['unit and integration tests', 'npx', ['vitest', 'run']],
  ['browser tests', 'npx', ['playwright', 'test', '-c', 'e2e/playwright.config.ts']],
];
for (const [name, cmd, args] of stages) {
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, CHROMIUM_PATH: chromium },
  });
  if (r.status !== 0) {
    console.error(`\n✖ ${name} failed`);
    process.exit(r.status ?? 1);
  }
}
console.log('\n✔ all tests passed');

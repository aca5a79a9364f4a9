import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the packages' sources, so no build is needed before `vitest run`.
    alias: {
      '@whenthen/schema': src('./packages/schema/src/index.ts'),
      '@whenthen/runtime': src('./packages/runtime/src/index.ts'),
      '@whenthen/blocks': src('./packages/blocks/src/index.ts'),
    },
  },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/server/src/**/*.test.ts',
      'apps/ide/src/**/*.test.ts',
    ],
    pool: 'forks',
    // isolated-vm needs V8 without the startup snapshot in every process that loads it.
    execArgv: ['--no-node-snapshot'],
    testTimeout: 20_000,
  },
});

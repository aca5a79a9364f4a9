import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit tests of the IDE's pure modules (routes, condition builder model, code typings). They run in
// Node: nothing here touches the DOM.
export default defineConfig({
  resolve: {
    alias: {
      '@whenthen/schema': fileURLToPath(
        new URL('../../packages/schema/src/index.ts', import.meta.url),
      ),
      '@whenthen/blocks': fileURLToPath(
        new URL('../../packages/blocks/src/index.ts', import.meta.url),
      ),
    },
  },
  test: { include: ['src/**/*.test.ts'] },
});

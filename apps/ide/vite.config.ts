import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The IDE reads @whenthen/schema and @whenthen/blocks from their TypeScript source, so no package
// build is needed first.
const schemaSource = fileURLToPath(new URL('../../packages/schema/src/index.ts', import.meta.url));
const blocksSource = fileURLToPath(new URL('../../packages/blocks/src/index.ts', import.meta.url));

export default defineConfig({
  // Relative asset URLs: the server mounts the build at `/`, tests may open it from elsewhere.
  base: './',
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^@whenthen\/schema$/, replacement: schemaSource },
      { find: /^@whenthen\/blocks$/, replacement: blocksSource },
    ],
  },
  worker: { format: 'es' },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': 'http://127.0.0.1:4310' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Monaco and its TypeScript worker are large by nature; they load once and are cached.
    chunkSizeWarningLimit: 8000,
  },
});

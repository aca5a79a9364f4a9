import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';

/**
 * The code ↔ blocks benchmark in Chromium (DESIGN targets: a 1,000-line handler parsed to blocks
 * in ≤ 50 ms and printed back in ≤ 20 ms). @whenthen/blocks is bundled as the IDE bundles it and
 * timed in the browser with its own `measureBlocks`; the medians are printed and attached to the
 * report. Not a timed assertion: only the round trip is checked (measureBlocks throws otherwise).
 */
test('code ↔ blocks of a 1,000-line handler in Chromium (benchmark, prints the medians)', async ({
  page,
}) => {
  const entry = fileURLToPath(new URL('../packages/blocks/src/index.ts', import.meta.url));
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      lib: { entry, formats: ['iife'], name: 'WhenThenBlocks' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const bundle = outputs[0]!.output.find((chunk) => chunk.type === 'chunk')!;

  await page.goto('about:blank');
  await page.addScriptTag({ content: bundle.code });
  const timing = await page.evaluate(() => {
    const blocks = (
      globalThis as unknown as {
        WhenThenBlocks: {
          measureBlocks(
            lines: number,
            runs: number,
          ): { lines: number; parseMs: number; printMs: number };
        };
      }
    ).WhenThenBlocks;
    return blocks.measureBlocks(1000, 30);
  });

  const line = `code → blocks ${timing.parseMs.toFixed(2)} ms, blocks → code ${timing.printMs.toFixed(2)} ms (median of 30, ${timing.lines}-line handler, Chromium)`;
  console.log(line);
  test.info().annotations.push({ type: 'benchmark', description: line });
  expect(timing.lines).toBeGreaterThanOrEqual(1000);
});

/// <reference types="node" />
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { blockToSpec } from './block-to-spec.js';
import { generateBlock } from './generate.js';
import { parseBlocks } from './parse.js';
import { printBlocks } from './print.js';
import { goldenView, stringifyGolden } from './test-support/golden-json.js';
import { blockShape } from './test-support/shape.js';

// Golden cases: `__golden__/NN-name.ts` is a handler, `NN-name.blocks.json` its expected blocks
// (ids stripped). Run with UPDATE_GOLDEN=1 to write the expected files, then review them by eye.
const directory = new URL('./__golden__/', import.meta.url);
const update = process.env.UPDATE_GOLDEN === '1';
const names = readdirSync(directory)
  .filter((file) => /^\d+-[\w-]+\.ts$/.test(file))
  .map((file) => file.slice(0, -3))
  .sort();

describe('golden handlers', () => {
  test('there are at least 50 cases', () => {
    expect(names.length).toBeGreaterThanOrEqual(50);
  });

  describe.each(names)('%s', (name) => {
    const code = readFileSync(new URL(`${name}.ts`, directory), 'utf8');
    const expectedFile = new URL(`${name}.blocks.json`, directory);

    test('code → blocks matches the expected tree', () => {
      const actual = goldenView(parseBlocks(code));
      if (update) writeFileSync(expectedFile, `${stringifyGolden(actual)}\n`);
      expect(
        existsSync(expectedFile),
        `${name}.blocks.json is missing: run with UPDATE_GOLDEN=1`,
      ).toBe(true);
      expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
    });

    test('blocks → code gives the text back byte for byte', () => {
      expect(printBlocks(parseBlocks(code))).toBe(code);
    });

    test('each block regenerated from its parameters reads back the same', () => {
      const doc = parseBlocks(code);
      const handler = doc.handler;
      if (!handler) return;
      const head = `export default async function (${handler.eventName ?? 'event'}, ${handler.appName ?? 'app'}) {\n  `;
      for (const block of doc.blocks) {
        const statement = generateBlock(blockToSpec(doc, block.id), {
          indent: '  ',
          unit: doc.style.indentUnit,
          eol: '\n',
          app: handler.appName ?? 'app',
        });
        const regenerated = parseBlocks(`${head}${statement}\n}\n`);
        expect(regenerated.error, statement).toBeNull();
        expect(regenerated.blocks.map(blockShape), statement).toEqual([blockShape(block)]);
      }
    });
  });
});

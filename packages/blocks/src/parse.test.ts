import { describe, expect, test } from 'vitest';
import { forEachBlock } from './ids.js';
import { generateLargeHandler } from './large-handler.js';
import { parseBlocks } from './parse.js';
import { printBlocks } from './print.js';
import type { Block, BlockDocument } from './types.js';

function kinds(doc: BlockDocument): string[] {
  const found: string[] = [];
  forEachBlock(doc.blocks, (block) => found.push(block.kind));
  return found;
}

function ids(doc: BlockDocument): string[] {
  const found: string[] = [];
  forEachBlock(doc.blocks, (block) => found.push(block.id));
  return found;
}

describe('parseBlocks', () => {
  test('numbers blocks in document order, unique within the document', () => {
    const doc = parseBlocks(
      'export default async function (event, app) {\n  if (a) {\n    app.log(1);\n  }\n  app.log(2);\n}\n',
    );
    expect(ids(doc)).toEqual(['b1', 'b2', 'b3']);
    expect(doc.nextId).toBe(4);
  });

  test('keeps ids of the blocks a typed change did not touch', () => {
    const before = parseBlocks(
      'export default async function (event, app) {\n  app.log(1);\n  app.log(2);\n  app.log(3);\n}\n',
    );
    const typed = before.code.replace('app.log(2);', "app.log(2);\n  app.notify({ to: 'ann' });");
    const after = parseBlocks(typed, { previous: before });
    expect(kinds(after)).toEqual(['log', 'log', 'notify', 'log']);
    expect(ids(after)).toEqual(['b1', 'b2', 'b4', 'b3']);
    expect(after.nextId).toBe(5);
  });

  test('marks parameters for the pickers', () => {
    const doc = parseBlocks(
      "export default async function (e, app) {\n  app.log(e.next.sales, e.prev?.status, total, 'x', 3, a + b);\n}\n",
    );
    const [log] = doc.blocks as [Block];
    expect(log.params.map((param) => [param.form, param.path ?? param.value ?? null])).toEqual([
      ['eventPath', ['next', 'sales']],
      ['eventPath', ['prev', 'status']],
      ['variable', ['total']],
      ['literal', 'x'],
      ['literal', 3],
      ['expression', null],
    ]);
  });

  test('reports a syntax error where the editor shows it, keeping the text', () => {
    const code = 'export default async function (event, app) {\n  const = 1;\n}\n';
    const doc = parseBlocks(code);
    expect(doc.error).toMatchObject({ code: 'SYNTAX', line: 2, column: 9 });
    expect(doc.blocks).toEqual([]);
    expect(printBlocks(doc)).toBe(code);
  });

  test('reads the indentation unit from the code', () => {
    const fourSpaces = parseBlocks(
      'export default async function (event, app) {\n    app.log(1);\n}\n',
    );
    expect(fourSpaces.style).toEqual({ eol: '\n', indentUnit: '    ' });
  });

  test('the benchmark handler has the lines asked for and round-trips', () => {
    const code = generateLargeHandler(1000);
    expect(code.split('\n')).toHaveLength(1001);
    const doc = parseBlocks(code);
    expect(doc.error).toBeNull();
    expect(kinds(doc)).toContain('notify');
    expect(kinds(doc)).not.toContain('raw');
    expect(printBlocks(doc)).toBe(code);
  });
});

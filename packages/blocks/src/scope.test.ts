import { expect, test } from 'vitest';
import { forEachBlock } from './ids.js';
import { parseBlocks } from './parse.js';
import { variablesInScope } from './scope.js';
import type { BlockDocument } from './types.js';

function idOf(doc: BlockDocument, start: string): string {
  let id = '';
  forEachBlock(doc.blocks, (block) => {
    if (!id && doc.code.slice(block.range[0]).startsWith(start)) id = block.id;
  });
  return id;
}

test('lists the names visible at a block, nearest last', () => {
  const doc = parseBlocks(
    [
      'export default async function (event, app) {',
      '  const order = await app.models.Order.get(event.next.id);',
      '  let total = 0;',
      '  for (const line of order.lines) {',
      '    const { qty, price } = line;',
      '    try {',
      "      app.log('here');",
      '    } catch (error) {',
      "      app.log('there');",
      '    }',
      '  }',
      '  const late = 1;',
      '}',
      '',
    ].join('\n'),
  );
  expect(variablesInScope(doc, idOf(doc, "app.log('here')"))).toEqual([
    'event',
    'app',
    'order',
    'total',
    'line',
    'qty',
    'price',
  ]);
  expect(variablesInScope(doc, idOf(doc, "app.log('there')"))).toContain('error');
  expect(variablesInScope(doc, idOf(doc, 'const late'))).toEqual([
    'event',
    'app',
    'order',
    'total',
  ]);
});

import { parseBlocks, ROOT_ID } from '@whenthen/blocks';
import { describe, expect, it } from 'vitest';
import { variablesAt } from './scope';

const doc = parseBlocks(`export default async function (event, app) {
  const order = event.next;
  for (const row of rows) {
  }
  if (order) {
    const inner = 1;
  }
}
`);
const [declare, loop, branch] = doc.blocks;

describe('variablesAt', () => {
  it('offers what is declared before the place, not app', () => {
    expect(variablesAt(doc, { after: declare!.id })).toEqual(['event', 'order']);
    expect(variablesAt(doc, { before: declare!.id })).toEqual(['event']);
    expect(variablesAt(doc, { inside: ROOT_ID })).toEqual(['event', 'order']);
  });

  it('offers a loop item inside the loop, and nothing from inside a block after it', () => {
    expect(variablesAt(doc, { inside: loop!.id })).toEqual(['event', 'order', 'row']);
    expect(variablesAt(doc, { after: branch!.id })).toEqual(['event', 'order']);
    expect(variablesAt(doc, { inside: branch!.id })).toEqual(['event', 'order', 'inner']);
  });
});

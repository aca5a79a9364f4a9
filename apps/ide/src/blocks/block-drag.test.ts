import { parseBlocks, ROOT_ID } from '@whenthen/blocks';
import { describe, expect, it } from 'vitest';
import { dropPlace, moveEdits } from './block-drag';

const doc = parseBlocks(`export default async function (event, app) {
  app.log(1);
  if (event.next) {
    app.log(2);
  } else {
  }
  app.log(3);
}
`);
const [first, branch, last] = doc.blocks.map((b) => b.id) as [string, string, string];
const inner = doc.blocks[1]!.slots[0]!.blocks[0]!.id;

describe('dropPlace', () => {
  it('puts blocks above a row over its upper half and below it over the lower half', () => {
    expect(dropPlace(doc, [last], { type: 'row', id: first, ratio: 0.2 })?.at).toEqual({
      before: first,
    });
    expect(dropPlace(doc, [first], { type: 'row', id: inner, ratio: 0.8 })?.at).toEqual({
      after: inner,
    });
  });

  it('drops into an empty slot', () => {
    expect(dropPlace(doc, [first], { type: 'slot', parentId: branch, slot: 1 })).toEqual({
      at: { inside: branch, slot: 1 },
      indicator: { type: 'slot', parentId: branch, slot: 1 },
    });
  });

  it('refuses to drop a block inside itself, or where it already is', () => {
    expect(dropPlace(doc, [branch], { type: 'row', id: inner, ratio: 0.9 })).toBeNull();
    expect(dropPlace(doc, [branch], { type: 'slot', parentId: branch, slot: 1 })).toBeNull();
    expect(dropPlace(doc, [first], { type: 'row', id: first, ratio: 0.9 })).toBeNull();
    expect(dropPlace(doc, [first], { type: 'row', id: branch, ratio: 0.1 })).toBeNull();
    expect(dropPlace(doc, [first], { type: 'row', id: branch, ratio: 0.9 })?.at).toEqual({
      after: branch,
    });
  });
});

describe('moveEdits', () => {
  it('moves several blocks one after the other', () => {
    expect(moveEdits([first, last], { inside: ROOT_ID, index: 0 })).toEqual([
      { type: 'moveBlock', blockId: first, to: { inside: ROOT_ID, index: 0 } },
      { type: 'moveBlock', blockId: last, to: { after: first } },
    ]);
  });
});

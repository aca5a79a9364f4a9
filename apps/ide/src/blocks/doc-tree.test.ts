import { parseBlocks, ROOT_ID } from '@whenthen/blocks';
import { describe, expect, it } from 'vitest';
import {
  blockAtLine,
  blockAtRange,
  dedentBlockText,
  indentBlockText,
  indexBlocks,
  topmostSelected,
} from './doc-tree';

const code = `export default async function (event, app) {
  if (event.next.sales > 1000) {
    await app.notify({
      to: 'ann',
      title: 'Big',
    });
  }
}
`;
const doc = parseBlocks(code);
const branch = doc.blocks[0]!;
const call = branch.slots[0]!.blocks[0]!;

describe('doc-tree', () => {
  it('finds the innermost block of a step by its range, or by its line', () => {
    const start = code.indexOf('await app.notify');
    expect(blockAtRange(doc, [start, start + 10])?.id).toBe(call.id);
    expect(blockAtRange(doc, [code.indexOf('if ('), code.indexOf('if (') + 2])?.id).toBe(branch.id);
    expect(blockAtLine(doc, 5)?.id).toBe(call.id);
    expect(blockAtLine(doc, 1)).toBeNull();
  });

  it('places blocks in their containers', () => {
    const places = indexBlocks(doc);
    expect(places.get(branch.id)).toMatchObject({ parentId: ROOT_ID, depth: 0, index: 0 });
    expect(places.get(call.id)).toMatchObject({ parentId: branch.id, depth: 1, slot: 0 });
    expect(topmostSelected(doc, [call.id, branch.id])).toEqual([branch.id]);
  });

  it('edits a block’s text without its indentation and puts it back', () => {
    const text = dedentBlockText(code, call);
    expect(text).toBe("await app.notify({\n  to: 'ann',\n  title: 'Big',\n});");
    expect(indentBlockText(code, call, text)).toBe(code.slice(call.range[0], call.range[1]));
  });
});

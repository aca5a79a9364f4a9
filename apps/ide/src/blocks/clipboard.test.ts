import { parseBlocks } from '@whenthen/blocks';
import { describe, expect, it } from 'vitest';
import { copyBlocks, rememberCopy, specsToPaste } from './clipboard';

const doc = parseBlocks(`export default async function (event, app) {
  if (event.next.sales > 1000) {
    await app.notify({
      to: 'ann',
      title: 'Big',
    });
  }
  app.log('x');
}
`);

describe('copy and paste of blocks', () => {
  it('copies the code of the blocks, moved to no indentation, and their specs', () => {
    const content = copyBlocks(doc, [doc.blocks[0]!.id, doc.blocks[1]!.id]);
    expect(content.text).toBe(
      "if (event.next.sales > 1000) {\n  await app.notify({\n    to: 'ann',\n    title: 'Big',\n  });\n}\napp.log('x');",
    );
    expect(content.specs.map((s) => s.kind)).toEqual(['if', 'log']);
  });

  it('pastes blocks copied here, and plain statements as code', () => {
    const content = copyBlocks(doc, [doc.blocks[1]!.id]);
    rememberCopy(content);
    expect(specsToPaste({ text: content.text })).toEqual(content.specs);
    expect(specsToPaste({ blocks: JSON.stringify(content.specs) })).toEqual(content.specs);
    expect(specsToPaste({ text: 'let x = 1;' })).toEqual([{ kind: 'raw', text: 'let x = 1;' }]);
    expect(specsToPaste({ text: '  ' })).toEqual([]);
  });
});

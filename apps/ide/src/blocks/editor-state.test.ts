import { describe, expect, it } from 'vitest';
import { ROOT_ID } from '@whenthen/blocks';
import {
  clickSelection,
  initialBlockEditorState,
  isParsed,
  neighbour,
  reduceBlockEditor,
  type BlockEditorChange,
  type BlockEditorState,
} from './editor-state';

const HANDLER = `export default async function (event, app) {
  // greet
  app.log('one');
  app.log('two');
}
`;

const run = (state: BlockEditorState, ...changes: BlockEditorChange[]) =>
  changes.reduce(reduceBlockEditor, state);
const idOf = (state: BlockEditorState, index: number) => state.doc.blocks[index]!.id;

describe('block edits', () => {
  it('rewrite the code, keep the other lines, and can be undone and redone', () => {
    // ARRANGE
    const start = initialBlockEditorState(HANDLER);
    // ACT
    const edited = run(start, {
      type: 'edit',
      edits: [{ type: 'setParam', blockId: idOf(start, 1), param: 'arg1', text: "'deux'" }],
    });
    const undone = run(edited, { type: 'undo' });
    const redone = run(undone, { type: 'redo' });
    // ASSERT
    expect(edited.code).toBe(HANDLER.replace("'two'", "'deux'"));
    expect(isParsed(edited)).toBe(true);
    expect(undone.code).toBe(HANDLER);
    expect(redone.code).toBe(edited.code);
    expect(redone.doc.blocks.map((b) => b.id)).toEqual(start.doc.blocks.map((b) => b.id));
  });

  it('apply several edits as one undo step', () => {
    const start = initialBlockEditorState(HANDLER);
    const both = run(start, {
      type: 'edit',
      edits: [
        { type: 'deleteBlock', blockId: idOf(start, 0) },
        { type: 'deleteBlock', blockId: idOf(start, 1) },
      ],
    });
    expect(both.doc.blocks).toHaveLength(0);
    expect(run(both, { type: 'undo' }).code).toBe(HANDLER);
  });

  it('refuse an edit that cannot be made, keeping the code and saying why', () => {
    const start = initialBlockEditorState(HANDLER);
    const refused = run(start, {
      type: 'edit',
      edits: [{ type: 'setParam', blockId: idOf(start, 0), param: 'arg1', text: "'open" }],
    });
    expect(refused.code).toBe(HANDLER);
    expect(refused.editError).toMatch(/not an expression/);
    expect(refused.past).toEqual([]);
  });

  it('insert several blocks in order and select them', () => {
    const start = initialBlockEditorState(HANDLER);
    const pasted = run(start, {
      type: 'insert',
      at: { inside: ROOT_ID, index: 0 },
      specs: [
        { kind: 'log', args: ["'a'"] },
        { kind: 'if', test: 'event.next.sales > 1000', then: [{ kind: 'log', args: ["'b'"] }] },
      ],
    });
    expect(pasted.doc.blocks.map((b) => b.kind)).toEqual(['log', 'if', 'log', 'log']);
    expect(pasted.selection).toEqual([idOf(pasted, 0), idOf(pasted, 1)]);
    expect(pasted.code).toContain(
      "  app.log('a');\n  if (event.next.sales > 1000) {\n    app.log('b');\n  }\n",
    );
  });
});

describe('typing in the code view', () => {
  it('is parsed only when asked, keeps ids, and becomes one undo step', () => {
    const start = initialBlockEditorState(HANDLER);
    const typed = run(
      start,
      { type: 'typed', code: HANDLER.replace("'two'", "'tw'") },
      { type: 'typed', code: HANDLER.replace("'two'", "'twice'") },
    );
    expect(isParsed(typed)).toBe(false);
    const done = run(typed, { type: 'parse' });
    expect(done.doc.blocks[1]!.params[0]!.text).toBe("'twice'");
    expect(done.doc.blocks.map((b) => b.id)).toEqual(start.doc.blocks.map((b) => b.id));
    expect(done.past).toEqual([HANDLER]);
    expect(run(done, { type: 'undo' }).code).toBe(HANDLER);
  });

  it('keeps the text when it does not parse, and the blocks come back when it does', () => {
    const start = initialBlockEditorState(HANDLER);
    const broken = run(
      start,
      { type: 'typed', code: HANDLER.replace("'two');", "'two'" + ';{') },
      { type: 'parse' },
    );
    expect(broken.doc.error?.code).toBe('SYNTAX');
    expect(broken.code).toContain(';{');
    const fixed = run(broken, { type: 'typed', code: HANDLER }, { type: 'parse' });
    expect(fixed.doc.error).toBeNull();
    expect(fixed.doc.blocks).toHaveLength(2);
  });

  it('an edit made while a parse is due applies to the typed text', () => {
    const start = initialBlockEditorState(HANDLER);
    const typed = run(start, { type: 'typed', code: HANDLER.replace("'one'", "'uno'") });
    const edited = run(typed, {
      type: 'edit',
      edits: [{ type: 'deleteBlock', blockId: idOf(start, 1) }],
    });
    expect(edited.code).toContain("'uno'");
    expect(edited.code).not.toContain("'two'");
    expect(run(edited, { type: 'undo' }).code).toBe(HANDLER.replace("'one'", "'uno'"));
  });
});

describe('selection', () => {
  const nested = initialBlockEditorState(`export default async function (event, app) {
  app.log(1);
  if (event.next) {
    app.log(2);
  }
  app.log(3);
}
`);
  const [a, branch, c] = nested.doc.blocks.map((b) => b.id);
  const inner = nested.doc.blocks[1]!.slots[0]!.blocks[0]!.id;

  it('selects a range in document order, nested blocks included', () => {
    const first = clickSelection(nested, a!, {});
    const range = clickSelection({ ...nested, ...first, selection: first.ids }, c!, {
      range: true,
    });
    expect(range.ids).toEqual([a, branch, inner, c]);
  });

  it('toggles one block with Ctrl/Cmd', () => {
    const on = clickSelection({ ...nested, selection: [a!], anchor: a! }, c!, { toggle: true });
    expect(on.ids).toEqual([a, c]);
    const off = clickSelection({ ...nested, selection: on.ids, anchor: c! }, a!, { toggle: true });
    expect(off.ids).toEqual([c]);
  });

  it('moves through blocks with the arrow keys', () => {
    expect(neighbour({ ...nested, anchor: branch! }, 1)).toBe(inner);
    expect(neighbour({ ...nested, anchor: a! }, -1)).toBe(a);
    expect(neighbour({ ...nested, anchor: null }, -1)).toBe(c);
  });

  it('forgets deleted blocks', () => {
    const selected = run(nested, { type: 'select', ids: [a!, c!] });
    const deleted = run(selected, { type: 'edit', edits: [{ type: 'deleteBlock', blockId: c! }] });
    expect(deleted.selection).toEqual([a]);
  });
});

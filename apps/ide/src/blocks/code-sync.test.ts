import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCodeSync, PARSE_DELAY_MS, type CodeSyncChange } from './code-sync';
import { initialBlockEditorState, reduceBlockEditor, type BlockEditorState } from './editor-state';

const CODE = `export default async function (event, app) {\n  app.log('a');\n}\n`;

/** The event page's text and a block editor, wired through the sync as the IDE wires them. */
function harness() {
  let handlerCode = CODE;
  let editor: BlockEditorState = initialBlockEditorState(CODE);
  const changes: CodeSyncChange[] = [];
  const sync = createCodeSync({
    getState: () => ({ handlerCode, editorCode: editor.code, parsedCode: editor.doc.code }),
    onChange: (change) => {
      changes.push(change);
      if (change.to === 'blocks') editor = reduceBlockEditor(editor, change.change);
      else handlerCode = change.code;
      sync.update();
    },
  });
  return {
    sync,
    changes,
    type(code: string) {
      handlerCode = code;
      sync.update();
    },
    edit(change: Parameters<typeof reduceBlockEditor>[1]) {
      editor = reduceBlockEditor(editor, change);
      sync.update();
    },
    get handlerCode() {
      return handlerCode;
    },
    get editor() {
      return editor;
    },
  };
}

describe('createCodeSync', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('parses typed code once typing has paused, not on every key', () => {
    const h = harness();
    h.type(CODE.replace("'a'", "'ab'"));
    vi.advanceTimersByTime(PARSE_DELAY_MS - 50);
    h.type(CODE.replace("'a'", "'abc'"));
    vi.advanceTimersByTime(PARSE_DELAY_MS - 50);
    expect(h.editor.doc.code).toBe(CODE);
    vi.advanceTimersByTime(60);
    expect(h.editor.doc.blocks[0]!.params[0]!.text).toBe("'abc'");
    expect(h.changes.filter((c) => c.to === 'blocks' && c.change.type === 'parse')).toHaveLength(1);
  });

  it('writes a block edit to the handler text at once', () => {
    const h = harness();
    const id = h.editor.doc.blocks[0]!.id;
    h.edit({ type: 'edit', edits: [{ type: 'deleteBlock', blockId: id }] });
    expect(h.handlerCode).toBe(`export default async function (event, app) {\n}\n`);
    expect(h.changes.map((c) => c.to)).toEqual(['handler']);
  });

  it('flush parses a pending change at once', () => {
    const h = harness();
    h.type(CODE.replace("'a'", "'z'"));
    h.sync.flush();
    expect(h.editor.doc.code).toBe(h.handlerCode);
    vi.advanceTimersByTime(PARSE_DELAY_MS * 2);
    expect(h.changes.filter((c) => c.to === 'blocks' && c.change.type === 'parse')).toHaveLength(1);
  });

  it('destroy cancels a pending parse', () => {
    const h = harness();
    h.type(CODE.replace("'a'", "'z'"));
    h.sync.destroy();
    vi.advanceTimersByTime(PARSE_DELAY_MS * 2);
    expect(h.editor.doc.code).toBe(CODE);
  });
});

import { Alert, Card, Col, Row, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { EventEditorStore } from '../events/event-editor-store';
import { useT } from '../i18n';
import type { HandlerPayload } from '../kinds/payload';
import { CodeEditor, type CodeMarker } from '../monaco/CodeEditor';
import { monaco } from '../monaco/setup';
import { BlockEditorContext, createBlockEditorStore } from './block-editor-store';
import { BlockEditor } from './BlockEditor';
import { indexBlocks } from './doc-tree';
import { textChange } from './text-diff';
import { CodeText } from '../components/CodeText';
import { useCodeSync } from './use-code-sync';
import { useHandlerView } from './view-prefs';
import './blocks.css';

type Props = {
  /** The event's full name (the code view's model path). */
  name: string;
  store: EventEditorStore;
  payload: HandlerPayload | null;
  /** Compile errors the server reported for the code. */
  codeErrors: readonly string[];
  markers: readonly CodeMarker[];
  onSave: () => void;
};

/**
 * Where the handler is built: the visual editor beside the code (or, switched to code, the code
 * alone). Both show the same text at every moment: a block edit is written to the text at once,
 * typing is turned into blocks once it pauses (see code-sync.ts).
 */
export function HandlerWorkspace({ name, store, payload, codeErrors, markers, onSave }: Props) {
  const t = useT();
  const view = useHandlerView((s) => s.view);
  const code = useStore(store, (s) => s.code);
  const blockStore = useMemo(() => createBlockEditorStore(store.getState().code), [store]);
  const flush = useCodeSync(store, blockStore);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const doc = useStore(blockStore, (s) => s.doc);
  const anchor = useStore(blockStore, (s) => s.anchor);

  useEffect(() => flush(), [view, flush]);

  // A block edit reaches the code view as the smallest replacement rather than a new whole text,
  // so its cursor, scroll position and own undo stay. This runs before the editor's own effect.
  useLayoutEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model) return;
    const change = textChange(model.getValue(), code);
    if (!change) return;
    const start = model.getPositionAt(change.start);
    const end = model.getPositionAt(change.end);
    editor.pushUndoStop();
    editor.executeEdits('blocks', [
      {
        range: new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column),
        text: change.text,
      },
    ]);
    editor.pushUndoStop();
  }, [code]);

  // The selected block's lines are marked in the code view (and scrolled to when the selection
  // changes); the mark does not grow while the code around it is typed.
  const [editor, setEditor] = useState<monaco.editor.IStandaloneCodeEditor | null>(null);
  const decorations = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  const selected = anchor ? indexBlocks(doc).get(anchor)?.block : undefined;
  const visual = view === 'visual';
  const lines = visual && selected ? ([selected.line, selected.endLine] as const) : null;
  useEffect(() => {
    if (!editor) return;
    decorations.current ??= editor.createDecorationsCollection();
    decorations.current.set(
      lines
        ? [
            {
              range: new monaco.Range(lines[0], 1, lines[1], 1),
              options: {
                isWholeLine: true,
                className: 'block-line-highlight',
                stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
              },
            },
          ]
        : [],
    );
  }, [editor, lines?.[0], lines?.[1], doc]);
  useEffect(() => {
    if (editor && lines) editor.revealLinesInCenterIfOutsideViewport(lines[0], lines[1]);
    // Only when another block is selected, not on every parse.
  }, [editor, anchor]);
  // Beside the blocks the code view is narrow: long lines wrap there.
  useEffect(() => editor?.updateOptions({ wordWrap: visual ? 'on' : 'off' }), [editor, visual]);

  const jump = useCallback(
    (blockId: string) => {
      const editor = editorRef.current;
      const model = editor?.getModel();
      if (!editor || !model) return;
      const current = blockStore.getState().doc;
      const block = blockId ? indexBlocks(current).get(blockId)?.block : undefined;
      const range: readonly [number, number] | null = block
        ? block.range
        : current.error
          ? [current.error.offset, current.error.offset]
          : null;
      if (!range) return;
      const start = model.getPositionAt(range[0]);
      const end = model.getPositionAt(range[1]);
      const selection = new monaco.Range(
        start.lineNumber,
        start.column,
        end.lineNumber,
        end.column,
      );
      editor.setSelection(selection);
      editor.revealRangeInCenterIfOutsideViewport(selection);
      editor.focus();
    },
    [blockStore],
  );

  return (
    <BlockEditorContext.Provider value={blockStore}>
      <Row gutter={14} align="top" className={`handler-workspace is-${view}`}>
        {visual ? (
          <Col key="blocks" xs={24} xl={14}>
            <BlockEditor payload={payload} onJump={jump} />
          </Col>
        ) : null}
        <Col key="code" xs={24} xl={visual ? 10 : 24} className="handler-code-col">
          <Card
            className="page-card code-card"
            title={t('event.code')}
            extra={
              <Tooltip title={<CodeText text={t('event.codeHelp')} />}>
                <Typography.Text type="secondary" className="code-help">
                  TypeScript · Ctrl/Cmd+S
                </Typography.Text>
              </Tooltip>
            }
            styles={{ body: { padding: 0 } }}
          >
            {codeErrors.length > 0 && (
              <Alert
                type="error"
                showIcon
                banner
                data-testid="event-code-error"
                title={t('event.compileErrors')}
                description={codeErrors.join('\n')}
              />
            )}
            <CodeEditor
              testId="event-code"
              path={`file:///${name.replace('.', '/')}/handler.ts`}
              value={code}
              onChange={(next) => store.getState().apply({ type: 'code', code: next })}
              onSave={() => {
                flush();
                onSave();
              }}
              markers={markers}
              onEditorMount={(mounted) => {
                editorRef.current = mounted;
                setEditor(mounted);
              }}
              height={
                visual ? 'max(420px, calc(100vh - 250px))' : 'max(440px, calc(100vh - 270px))'
              }
            />
          </Card>
        </Col>
      </Row>
    </BlockEditorContext.Provider>
  );
}

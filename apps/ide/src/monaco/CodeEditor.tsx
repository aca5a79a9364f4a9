import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useRef } from 'react';
import { monaco } from './setup';

export type CodeMarker = { line: number; column?: number; message: string };

type Props = {
  /** Model URI path, e.g. `file:///events/NotifyBigOrder/handler.ts`; one model per path. */
  path: string;
  value: string;
  onChange?: (value: string) => void;
  readOnly?: boolean;
  height?: number | string;
  /** Errors reported by the server (compile errors), shown as squiggles. */
  markers?: readonly CodeMarker[];
  /** Lines to highlight (an execution step); the first is scrolled into view. */
  highlight?: { start: number; end: number; failed?: boolean } | null;
  onSave?: () => void;
  testId?: string;
  /** Gives the editor instance (the block editor moves its cursor and applies edits in place). */
  onEditorMount?: (editor: monaco.editor.IStandaloneCodeEditor) => void;
};

const MARKER_OWNER = 'whenthen-server';

/** Monaco for handler code, loaded from the local package (see setup.ts). */
export function CodeEditor({
  path,
  value,
  onChange,
  readOnly,
  height = 420,
  markers,
  highlight,
  onSave,
  testId,
  onEditorMount,
}: Props) {
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const decorations = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  const saveRef = useRef(onSave);
  saveRef.current = onSave;

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    decorations.current = editor.createDecorationsCollection();
    // An action, not addCommand: commands added with addCommand go to the editor created last,
    // so a read-only code view opened later would swallow Ctrl+S.
    editor.addAction({
      id: 'whenthen.save',
      label: 'Save',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS],
      run: () => saveRef.current?.(),
    });
    applyMarkers(editor, markers);
    applyHighlight(editor, decorations.current, highlight);
    onEditorMount?.(editor);
  };

  useEffect(() => {
    if (editorRef.current) applyMarkers(editorRef.current, markers);
  }, [markers]);

  useEffect(() => {
    if (editorRef.current && decorations.current)
      applyHighlight(editorRef.current, decorations.current, highlight);
  }, [highlight]);

  return (
    <div className="code-editor" data-testid={testId} style={{ height }}>
      <Editor
        path={path}
        language="typescript"
        value={value}
        onChange={(v) => onChange?.(v ?? '')}
        onMount={onMount}
        options={{
          readOnly,
          domReadOnly: readOnly,
          minimap: { enabled: false },
          fontSize: 13,
          lineNumbersMinChars: 3,
          scrollBeyondLastLine: false,
          automaticLayout: true,
          tabSize: 2,
          renderLineHighlight: readOnly ? 'none' : 'line',
          fixedOverflowWidgets: true,
          glyphMargin: !!readOnly,
          // Handler code prints ×, –, “ ” in messages on purpose.
          unicodeHighlight: { ambiguousCharacters: false },
        }}
      />
    </div>
  );
}

function applyMarkers(
  editor: monaco.editor.IStandaloneCodeEditor,
  markers: readonly CodeMarker[] | undefined,
) {
  const model = editor.getModel();
  if (!model) return;
  monaco.editor.setModelMarkers(
    model,
    MARKER_OWNER,
    (markers ?? []).map((m) => {
      const line = Math.min(Math.max(1, m.line), model.getLineCount());
      return {
        severity: monaco.MarkerSeverity.Error,
        message: m.message,
        startLineNumber: line,
        startColumn: m.column ?? model.getLineFirstNonWhitespaceColumn(line) ?? 1,
        endLineNumber: line,
        endColumn: model.getLineMaxColumn(line),
      };
    }),
  );
}

function applyHighlight(
  editor: monaco.editor.IStandaloneCodeEditor,
  collection: monaco.editor.IEditorDecorationsCollection,
  highlight: Props['highlight'],
) {
  if (!highlight) {
    collection.clear();
    return;
  }
  const className = highlight.failed ? 'line-highlight-failed' : 'line-highlight';
  collection.set([
    {
      range: new monaco.Range(highlight.start, 1, highlight.end, 1),
      options: { isWholeLine: true, className, glyphMarginClassName: `${className}-glyph` },
    },
  ]);
  editor.revealLinesInCenterIfOutsideViewport(highlight.start, highlight.end);
}

import { Empty } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useT } from '../i18n';
import { useAppStore } from '../stores/app-store';
import { BlockEditorContext, createBlockEditorStore } from './block-editor-store';
import { BlockRows } from './BlockRow';
import { blockAtLine, blockAtRange } from './doc-tree';
import { BlockEditorUiContext, createRowsStore, type BlockEditorUi } from './editor-ui';
import './blocks.css';

type Props = {
  /** The code that ran (its version kept with the run). */
  code: string;
  /** The selected step: its source range in that code, or its line. */
  step: { range?: readonly [number, number] | null; line?: number | null } | null;
};

const noop = () => undefined;

/** The blocks of the code a run executed, read-only, with the selected step's block highlighted. */
export function RunBlocks({ code, step }: Props) {
  const t = useT();
  const models = useAppStore((s) => s.models);
  const services = useAppStore((s) => s.services);
  const store = useMemo(() => createBlockEditorStore(code), [code]);
  const doc = store.getState().doc;
  const listRef = useRef<HTMLDivElement | null>(null);
  const block = useMemo(() => {
    if (!step) return null;
    const byRange =
      step.range && step.range[1] > step.range[0] ? blockAtRange(doc, step.range) : null;
    return byRange ?? (step.line ? blockAtLine(doc, step.line) : null);
  }, [doc, step]);

  useEffect(() => {
    if (!block) return;
    listRef.current
      ?.querySelector(`[data-block-id="${block.id}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [block]);

  const rows = useMemo(() => createRowsStore(), []);
  useEffect(() => rows.setState({ highlightId: block?.id ?? null }), [rows, block]);
  const ui: BlockEditorUi = useMemo(
    () => ({
      readOnly: true,
      summary: { models, services, t },
      rows,
      openParams: noop,
      openInsert: noop,
      jumpToCode: noop,
      duplicate: noop,
      remove: noop,
      replaceText: () => null,
      select: noop,
    }),
    [models, services, t, rows],
  );

  if (doc.error || doc.blocks.length === 0) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('blocks.run.noBlocks')}
        style={{ padding: 12 }}
      />
    );
  }
  return (
    <BlockEditorContext.Provider value={store}>
      <BlockEditorUiContext.Provider value={ui}>
        <div className="run-blocks" data-testid="run-blocks">
          <div className="block-list" ref={listRef}>
            <BlockRows blocks={doc.blocks} depth={0} code={doc.code} />
          </div>
        </div>
      </BlockEditorUiContext.Provider>
    </BlockEditorContext.Provider>
  );
}

import {
  BranchesOutlined,
  ClearOutlined,
  CodeOutlined,
  QuestionCircleOutlined,
  RedoOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { ROOT_ID, type InsertPosition } from '@whenthen/blocks';
import {
  Alert,
  Button,
  type ButtonProps,
  Card,
  Popconfirm,
  Popover,
  Space,
  Tooltip,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../i18n';
import type { HandlerPayload } from '../kinds/payload';
import { useApprovalData } from '../approvals/approval-data';
import { useAppStore } from '../stores/app-store';
import { useBlockEditor, useBlockEditorStore, type BlockEditorStore } from './block-editor-store';
import { BlockList } from './BlockList';
import { clickSelection, type BlockEditorChange } from './editor-state';
import { copyBlocks } from './clipboard';
import { indexBlocks, indentBlockText, topmostSelected } from './doc-tree';
import {
  BlockEditorUiContext,
  createRowsStore,
  type BlockEditorUi,
  type InsertKind,
} from './editor-ui';
import { HandlerSignature } from './HandlerSignature';
import { InsertBar } from './InsertBar';
import { editsFromForm, formFields, specFromForm } from './param-form';
import { ParamsModal } from './ParamsModal';
import { pickOptions } from './pick-options';
import { variablesAt } from './scope';
import { statementCatalog, type CatalogNode } from './statement-catalog';
import { StatementPicker } from './StatementPicker';
import { templateOf, type BlockTemplate } from './templates';
import { useBlockDrag } from './use-block-drag';

type Dialog =
  | { type: 'picker'; at: InsertPosition; catalog: CatalogNode[] }
  | { type: 'create'; at: InsertPosition; template: BlockTemplate; title: string }
  | { type: 'edit'; blockId: string }
  | { type: 'wrap'; ids: string[] };

const TEMPLATES: Record<Exclude<InsertKind, 'statement'>, BlockTemplate> = {
  const: { kind: 'setVariable', declare: 'const' },
  let: { kind: 'setVariable', declare: 'let' },
  assign: { kind: 'setVariable', declare: null },
  forEach: { kind: 'forEach' },
  while: { kind: 'while' },
  if: { kind: 'if' },
  return: { kind: 'return' },
};

type Props = {
  payload: HandlerPayload | null;
  /** Puts the code view's cursor on a block. */
  onJump: (blockId: string) => void;
};

/**
 * The visual editor: the handler's header, one row per statement numbered with its line in the
 * code, the insert bar, the "Set parameters" form, undo/redo and "clear all". Every change is a
 * block edit on the handler text (through the block editor's store).
 */
export function BlockEditor({ payload, onJump }: Props) {
  const t = useT();
  const store = useBlockEditorStore();
  const doc = useBlockEditor((s) => s.doc);
  const anchor = useBlockEditor((s) => s.anchor);
  const selection = useBlockEditor((s) => s.selection);
  const canUndo = useBlockEditor((s) => s.past.length > 0 || s.recorded !== s.code);
  const canRedo = useBlockEditor((s) => s.future.length > 0);
  const editError = useBlockEditor((s) => s.editError);
  const models = useAppStore((s) => s.models);
  const services = useAppStore((s) => s.services);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [container, setContainer] = useState<HTMLDivElement | null>(null);
  const rows = useMemo(() => createRowsStore(), []);
  useBlockDrag(store, rows, container, !!doc.error);
  const { users } = useApprovalData();
  const summary = useMemo(() => ({ models, services, t, users }), [models, services, t, users]);
  const formContext = summary;

  const attempt = (change: BlockEditorChange) => attemptChange(store, change);

  // Stable for the editor's life (rows are memoized; a new object would draw them all again).
  const ui: BlockEditorUi = useMemo(
    () => ({
      readOnly: false,
      summary,
      rows,
      openParams: (blockId) => setDialog({ type: 'edit', blockId }),
      openInsert: (at, kind) => {
        if (kind !== 'statement') {
          const title = t(`blocks.insert.${kind}`);
          setDialog({ type: 'create', at, template: TEMPLATES[kind], title });
          return;
        }
        // Built once when the picker opens, from the variables in scope where the statement goes.
        const current = store.getState().doc;
        const variables = variablesAt(current, at).filter(
          (name) => name !== current.handler?.eventName,
        );
        const catalog = statementCatalog({ models, services, variables, t });
        setDialog({ type: 'picker', at, catalog });
      },
      jumpToCode: onJump,
      duplicate: (ids) => {
        const state = store.getState();
        const top = topmostSelected(state.doc, ids);
        const last = top.at(-1);
        if (!last) return;
        state.apply({
          type: 'insert',
          at: { after: last },
          specs: copyBlocks(state.doc, top).specs,
        });
      },
      remove: (ids) => {
        const state = store.getState();
        const top = topmostSelected(state.doc, ids);
        if (top.length === 0) return;
        state.apply({
          type: 'edit',
          edits: top.map((blockId) => ({ type: 'deleteBlock', blockId })),
        });
      },
      replaceText: (blockId, text) => {
        const state = store.getState();
        const block = indexBlocks(state.doc).get(blockId)?.block;
        if (!block) return null;
        return attemptChange(store, {
          type: 'edit',
          edits: [
            { type: 'replaceRaw', blockId, text: indentBlockText(state.doc.code, block, text) },
          ],
        });
      },
      select: (blockId, modifiers) => {
        const state = store.getState();
        const next = clickSelection(state, blockId, modifiers);
        state.apply({ type: 'select', ids: next.ids, anchor: next.anchor });
      },
    }),
    [summary, rows, store, onJump, t, models, services],
  );

  const insertAt: InsertPosition =
    anchor && indexBlocks(doc).has(anchor) ? { after: anchor } : { inside: ROOT_ID };
  const anchorLine = anchor ? indexBlocks(doc).get(anchor)?.block.endLine : undefined;
  const where = anchorLine
    ? t('blocks.insert.whereAfter', { line: anchorLine })
    : t('blocks.insert.whereEnd');
  const top = topmostSelected(doc, selection);
  const places = indexBlocks(doc);
  const canWrap =
    top.length > 0 &&
    top.every(
      (id) =>
        places.get(id)?.parentId === places.get(top[0]!)?.parentId &&
        places.get(id)?.slot === places.get(top[0]!)?.slot,
    );

  const optionsAt = (at: InsertPosition) =>
    pickOptions({
      eventName: doc.handler?.eventName ?? null,
      fields: payload?.fields ?? [],
      variables: variablesAt(doc, at),
      t,
    });
  // The pickers' lists are built once per dialog: a page re-render must not rebuild open menus.
  const dialogAt: InsertPosition | null = !dialog
    ? null
    : dialog.type === 'edit'
      ? { before: dialog.blockId }
      : dialog.type === 'wrap'
        ? { before: dialog.ids[0]! }
        : dialog.at;
  const dialogOptions = useMemo(() => (dialogAt ? optionsAt(dialogAt) : []), [dialog]);

  const renderDialog = () => {
    if (!dialog) return null;
    const close = () => setDialog(null);
    if (dialog.type === 'picker') {
      return (
        <StatementPicker
          catalog={dialog.catalog}
          onCancel={close}
          onPick={(template, label) =>
            setDialog({ type: 'create', at: dialog.at, template, title: label })
          }
        />
      );
    }
    if (dialog.type === 'create') {
      const fields = formFields(dialog.template, formContext);
      return (
        <ParamsModal
          key={`create-${dialog.title}`}
          title={t('blocks.params.titleNew', { what: dialog.title })}
          fields={fields}
          options={dialogOptions}
          okText={t('blocks.params.insert')}
          onCancel={close}
          onOk={(values) => {
            const error = attempt({
              type: 'insert',
              at: dialog.at,
              specs: [specFromForm(dialog.template, values)],
            });
            if (!error) close();
            return error;
          }}
        />
      );
    }
    if (dialog.type === 'wrap') {
      return (
        <ParamsModal
          title={t('blocks.toolbar.wrap')}
          fields={formFields({ kind: 'if' }, formContext)}
          options={dialogOptions}
          onCancel={close}
          onOk={(values) => {
            const error = attempt({
              type: 'edit',
              edits: [{ type: 'wrapInIf', blockIds: dialog.ids, test: values.test || 'true' }],
            });
            if (!error) close();
            return error;
          }}
        />
      );
    }
    const block = places.get(dialog.blockId)?.block;
    if (!block) return null;
    const template = templateOf(block);
    const fields = formFields(template, formContext, block);
    return (
      <ParamsModal
        key={`edit-${block.id}`}
        title={t('blocks.params.title')}
        subtitle={doc.code.slice(block.range[0], block.range[1]).split('\n')[0]}
        fields={fields}
        options={dialogOptions}
        onCancel={close}
        onOk={(values) => {
          const edits = editsFromForm(doc, block, template, fields, values);
          if (edits.length === 0) {
            close();
            return null;
          }
          const error = attempt({ type: 'edit', edits });
          if (!error) close();
          return error;
        }}
      />
    );
  };

  return (
    <BlockEditorUiContext.Provider value={ui}>
      <Card
        className="page-card block-editor"
        data-testid="block-editor"
        title={t('blocks.title')}
        extra={
          <Space size={4}>
            <Tooltip title={t('blocks.toolbar.undo')}>
              <Button
                type="text"
                icon={<UndoOutlined />}
                disabled={!canUndo}
                data-testid="block-undo"
                onClick={() => store.getState().apply({ type: 'undo' })}
              />
            </Tooltip>
            <Tooltip title={t('blocks.toolbar.redo')}>
              <Button
                type="text"
                icon={<RedoOutlined />}
                disabled={!canRedo}
                data-testid="block-redo"
                onClick={() => store.getState().apply({ type: 'redo' })}
              />
            </Tooltip>
            <Tooltip title={t('blocks.toolbar.wrap')}>
              <Button
                type="text"
                icon={<BranchesOutlined />}
                disabled={!canWrap || !!doc.error}
                data-testid="block-wrap"
                onClick={() => setDialog({ type: 'wrap', ids: top })}
              />
            </Tooltip>
            <Popconfirm
              title={t('blocks.toolbar.clearConfirm')}
              description={t('blocks.toolbar.clearHelp')}
              okText={t('blocks.toolbar.clear')}
              cancelText={t('newEvent.cancel')}
              okButtonProps={{ danger: true, 'data-testid': 'block-clear-confirm' } as ButtonProps}
              onConfirm={() =>
                store.getState().apply({
                  type: 'edit',
                  edits: doc.blocks.map((b) => ({ type: 'deleteBlock', blockId: b.id })),
                })
              }
              disabled={doc.blocks.length === 0}
            >
              <Button
                type="text"
                danger
                icon={<ClearOutlined />}
                disabled={doc.blocks.length === 0}
                data-testid="block-clear"
              >
                {t('blocks.toolbar.clear')}
              </Button>
            </Popconfirm>
            <Popover
              title={t('blocks.toolbar.keysTitle')}
              content={<KeysHelp />}
              trigger="click"
              placement="bottomRight"
            >
              <Button type="text" icon={<QuestionCircleOutlined />} />
            </Popover>
          </Space>
        }
        styles={{ body: { padding: 0 } }}
      >
        <HandlerSignature handler={doc.handler} payload={payload} />
        {doc.error ? (
          <ParseError onJump={() => onJump('')} />
        ) : (
          <>
            <BlockList onContainer={setContainer} />
            {editError && (
              <Alert
                type="error"
                showIcon
                closable={{ onClose: () => store.getState().apply({ type: 'dismissError' }) }}
                title={editError}
                className="block-edit-error"
                data-testid="block-edit-error"
              />
            )}
            <InsertBar at={insertAt} where={where} />
          </>
        )}
      </Card>
      {renderDialog()}
    </BlockEditorUiContext.Provider>
  );
}

/** Applies a change and says why it was refused, if it was (the store keeps the code as it was). */
function attemptChange(store: BlockEditorStore, change: BlockEditorChange): string | null {
  store.getState().apply(change);
  const error = store.getState().editError;
  if (error) store.getState().apply({ type: 'dismissError' });
  return error;
}

function ParseError({ onJump }: { onJump: () => void }) {
  const t = useT();
  const error = useBlockEditor((s) => s.doc.error);
  const code = useBlockEditor((s) => s.doc.code);
  if (!error) return null;
  const line = code.split(/\r?\n/)[error.line - 1] ?? '';
  return (
    <div className="block-parse-error" data-testid="block-parse-error">
      <Alert
        type="warning"
        showIcon
        title={t('blocks.error.title')}
        description={
          <div>
            <div data-testid="block-parse-error-message">
              {t('blocks.error.at', { line: error.line, column: error.column })} {error.message}
            </div>
            {line.trim() && (
              <pre className="block-parse-error-line">
                <span className="block-gutter">{error.line}</span>
                {line}
                {'\n'}
                <span className="block-gutter" />
                {' '.repeat(Math.max(0, error.column - 1))}^
              </pre>
            )}
            <Typography.Paragraph type="secondary" className="block-parse-error-kept">
              {t('blocks.error.kept')}
            </Typography.Paragraph>
            <Button size="small" icon={<CodeOutlined />} onClick={onJump}>
              {t('blocks.error.show')}
            </Button>
          </div>
        }
      />
    </div>
  );
}

function KeysHelp() {
  const t = useT();
  const keys: [string, string][] = [
    ['Ctrl/Cmd + C / X / V', t('blocks.keys.clipboard')],
    ['Ctrl/Cmd + D', t('blocks.keys.duplicate')],
    ['Ctrl/Cmd + Z / Y', t('blocks.keys.undo')],
    ['Delete', t('blocks.keys.delete')],
    ['Enter', t('blocks.keys.enter')],
    ['↑ ↓, Shift + ↑ ↓', t('blocks.keys.move')],
    ['Alt + ↑ ↓', t('blocks.keys.reorder')],
    ['Ctrl/Cmd / Shift + click', t('blocks.keys.multi')],
  ];
  return (
    <table className="keys-help">
      <tbody>
        {keys.map(([key, what]) => (
          <tr key={key}>
            <td>
              <kbd>{key}</kbd>
            </td>
            <td>{what}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import {
  ApiOutlined,
  BellOutlined,
  BranchesOutlined,
  CodeOutlined,
  CopyOutlined,
  DatabaseOutlined,
  DeleteOutlined,
  EditOutlined,
  FileTextOutlined,
  ForkOutlined,
  FunctionOutlined,
  HolderOutlined,
  MessageOutlined,
  PlusOutlined,
  RetweetOutlined,
  RollbackOutlined,
  SafetyOutlined,
  SendOutlined,
  SettingOutlined,
  StopOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { Block, BlockKind, BlockSlot } from '@whenthen/blocks';
import { Button, Dropdown, Input, Space, Tooltip } from 'antd';
import { Fragment, memo, useState, type ReactNode } from 'react';
import { useT } from '../i18n';
import { useBlockEditor } from './block-editor-store';
import { summarize, type SummaryPart } from './block-summary';
import { dedentBlockText } from './doc-tree';
import { useBlockEditorUi, useRows, type InsertKind } from './editor-ui';
import { useInsertMenu } from './InsertBar';

const KIND_ICONS: Record<BlockKind, ReactNode> = {
  notify: <BellOutlined />,
  serviceCall: <ApiOutlined />,
  data: <DatabaseOutlined />,
  publish: <SendOutlined />,
  log: <FileTextOutlined />,
  if: <BranchesOutlined />,
  forEach: <RetweetOutlined />,
  loop: <RetweetOutlined />,
  setVariable: <FunctionOutlined />,
  return: <RollbackOutlined />,
  abort: <StopOutlined />,
  try: <SafetyOutlined />,
  switch: <ForkOutlined />,
  comment: <MessageOutlined />,
  raw: <CodeOutlined />,
};

/** Slots whose start needs a row of its own (`else`, `catch`, `case 1:`); the first branch of an `if` does not. */
const slotNeedsHeader = (slot: BlockSlot, index: number) =>
  !(index === 0 && (slot.role === 'then' || slot.role === 'body' || slot.role === 'try'));

type ItemProps = { block: Block; depth: number; code: string };

/** A list of blocks at one depth, with the slots of containers nested below them. */
export function BlockRows({
  blocks,
  depth,
  code,
}: {
  blocks: Block[];
  depth: number;
  code: string;
}) {
  return (
    <>
      {blocks.map((block) => (
        <BlockItem key={block.id} block={block} depth={depth} code={code} />
      ))}
    </>
  );
}

/**
 * A parse gives every block a new object; a row is drawn again only when what it shows changed:
 * its text (with its comments), its lines or its depth.
 */
const sameItem = (a: ItemProps, b: ItemProps) =>
  a.depth === b.depth &&
  a.block.id === b.block.id &&
  a.block.kind === b.block.kind &&
  a.block.line === b.block.line &&
  a.block.endLine === b.block.endLine &&
  a.code.slice(a.block.fullRange[0], a.block.fullRange[1]) ===
    b.code.slice(b.block.fullRange[0], b.block.fullRange[1]);

const BlockItem = memo(function BlockItem({ block, depth, code }: ItemProps) {
  return (
    <>
      <BlockRow block={block} depth={depth} code={code} />
      {block.slots.map((slot, index) => (
        <Fragment key={index}>
          {slotNeedsHeader(slot, index) && <SlotHeader slot={slot} depth={depth} />}
          {slot.blocks.length > 0 ? (
            <BlockRows blocks={slot.blocks} depth={depth + 1} code={code} />
          ) : (
            <EmptySlot parentId={block.id} slot={index} depth={depth + 1} />
          )}
        </Fragment>
      ))}
    </>
  );
}, sameItem);

function Chips({ parts }: { parts: SummaryPart[] }) {
  return (
    <span className="block-parts">
      {parts.map((part, i) =>
        'words' in part ? (
          <span key={i} className="block-words">
            {part.words}
          </span>
        ) : (
          <span key={i} className={`block-chip form-${part.form}`} title={part.chip}>
            {part.name && <span className="block-chip-name">{part.name}</span>}
            <span className="block-chip-text">{part.chip}</span>
          </span>
        ),
      )}
    </span>
  );
}

const Indent = ({ depth }: { depth: number }) => (
  <span className="block-indent" style={{ width: depth * 22 }}>
    {Array.from({ length: depth }, (_, i) => (
      <span key={i} className="block-guide" style={{ left: i * 22 + 10 }} />
    ))}
  </span>
);

/** The buttons of a row, drawn only for the row under the pointer or selected. */
function RowActions({
  block,
  onEditText,
  onMenu,
}: {
  block: Block;
  onEditText: () => void;
  onMenu: (open: boolean) => void;
}) {
  const t = useT();
  const ui = useBlockEditorUi();
  const insertMenu = useInsertMenu({ after: block.id });
  return (
    <span
      className="block-actions"
      onClick={(e) => e.stopPropagation()}
      onDoubleClick={(e) => e.stopPropagation()}
    >
      {block.kind === 'raw' ? (
        <Tooltip title={t('blocks.row.editText')}>
          <Button
            size="small"
            type="text"
            icon={<EditOutlined />}
            data-testid="block-edit-text"
            onClick={onEditText}
          />
        </Tooltip>
      ) : (
        <Tooltip title={t('blocks.row.params')}>
          <Button
            size="small"
            type="text"
            icon={<SettingOutlined />}
            data-testid="block-params"
            onClick={() => ui.openParams(block.id)}
          />
        </Tooltip>
      )}
      <Tooltip title={t('blocks.row.insertBelow')}>
        <Dropdown menu={insertMenu} trigger={['click']} onOpenChange={onMenu}>
          <Button
            size="small"
            type="text"
            icon={<PlusOutlined />}
            data-testid="block-insert-below"
          />
        </Dropdown>
      </Tooltip>
      <Tooltip title={t('blocks.row.copy')}>
        <Button
          size="small"
          type="text"
          icon={<CopyOutlined />}
          data-testid="block-copy"
          onClick={() => ui.duplicate([block.id])}
        />
      </Tooltip>
      <Tooltip title={t('blocks.row.delete')}>
        <Button
          size="small"
          type="text"
          danger
          icon={<DeleteOutlined />}
          data-testid="block-delete"
          onClick={() => ui.remove([block.id])}
        />
      </Tooltip>
      <Tooltip title={t('blocks.row.jump')}>
        <Button
          size="small"
          type="text"
          icon={<CodeOutlined />}
          data-testid="block-jump"
          onClick={() => ui.jumpToCode(block.id)}
        />
      </Tooltip>
    </span>
  );
}

function BlockRow({ block, depth, code }: ItemProps) {
  const t = useT();
  const ui = useBlockEditorUi();
  const id = block.id;
  const selected = useBlockEditor((s) => s.selection.includes(id));
  const hovered = useRows((s) => s.hovered === id);
  const highlighted = useRows((s) => s.highlightId === id);
  const dragged = useRows((s) => s.dragged.includes(id));
  const dropEdge = useRows((s) =>
    s.indicator && 'id' in s.indicator && s.indicator.id === id ? s.indicator.edge : null,
  );
  const [menuOpen, setMenuOpen] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [editError, setEditError] = useState<string | null>(null);
  const summary = summarize(block, ui.summary);
  const editText = () => setEditing(dedentBlockText(code, block));

  const saveText = () => {
    if (editing === null) return;
    const error = ui.replaceText(id, editing);
    setEditError(error);
    if (!error) setEditing(null);
  };

  return (
    <div
      className={[
        'block-row',
        `cat-${summary.category}`,
        selected ? 'is-selected' : '',
        highlighted ? 'is-highlighted' : '',
        dragged ? 'is-dragged' : '',
        dropEdge ? `drop-${dropEdge}` : '',
      ].join(' ')}
      data-block-row
      data-block-id={id}
      data-testid="block-row"
      data-kind={block.kind}
      data-line={block.line}
      data-selected={selected || undefined}
      data-highlighted={highlighted || undefined}
      onMouseEnter={() => ui.rows.setState({ hovered: id })}
      onMouseLeave={() => {
        if (ui.rows.getState().hovered === id) ui.rows.setState({ hovered: null });
      }}
      onClick={(e) => ui.select(id, { toggle: e.ctrlKey || e.metaKey, range: e.shiftKey })}
      onDoubleClick={() => (block.kind === 'raw' ? editText() : ui.openParams(id))}
    >
      <span className="block-gutter">
        {block.leadingComments.map((c) => (
          <span key={c.line} className="block-gutter-comment">
            {c.line}
          </span>
        ))}
        <span>{block.line}</span>
      </span>
      <Indent depth={depth} />
      <div className="block-body">
        {block.leadingComments.map((c) => (
          <div key={c.line} className="block-leading">
            {c.text}
          </div>
        ))}
        <div className="block-main">
          {!ui.readOnly && (
            <span className="block-handle" data-drag-handle data-testid="block-drag">
              <HolderOutlined />
            </span>
          )}
          {block.kind === 'comment' ? (
            <span className="block-comment-text">{block.text}</span>
          ) : (
            <>
              <span className="block-badge">
                {KIND_ICONS[block.kind]}
                <span>{summary.title}</span>
              </span>
              <Chips parts={summary.parts} />
            </>
          )}
          {block.trailingComments.length > 0 && (
            <span className="block-trailing">
              {block.trailingComments.map((c) => c.text).join(' ')}
            </span>
          )}
          {!ui.readOnly && (hovered || selected || menuOpen) && (
            <RowActions block={block} onEditText={editText} onMenu={setMenuOpen} />
          )}
        </div>
        {block.kind === 'raw' && editing === null && (
          <div className="block-raw">
            <pre className="block-raw-text" data-testid="block-raw-text">
              {dedentBlockText(code, block)}
            </pre>
            <div className="block-raw-reason">
              <WarningOutlined /> {block.reason}
            </div>
          </div>
        )}
        {editing !== null && (
          <div
            className="block-raw-editor"
            onClick={(e) => e.stopPropagation()}
            onDoubleClick={(e) => e.stopPropagation()}
          >
            <Input.TextArea
              autoFocus
              data-testid="block-raw-input"
              className="mono"
              autoSize={{ minRows: 2, maxRows: 16 }}
              value={editing}
              onChange={(e) => setEditing(e.target.value)}
              onKeyDown={(e) => {
                e.stopPropagation();
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) saveText();
                if (e.key === 'Escape') setEditing(null);
              }}
            />
            {editError && <div className="block-raw-error">{editError}</div>}
            <Space size={6} className="block-raw-buttons">
              <Button size="small" type="primary" data-testid="block-raw-save" onClick={saveText}>
                {t('blocks.row.applyText')}
              </Button>
              <Button size="small" onClick={() => setEditing(null)}>
                {t('newEvent.cancel')}
              </Button>
            </Space>
          </div>
        )}
      </div>
    </div>
  );
}

function SlotHeader({ slot, depth }: { slot: BlockSlot; depth: number }) {
  const t = useT();
  const test = slot.params.find((p) => p.name === 'test' || p.name === 'error');
  return (
    <div
      className="block-row block-slot-header"
      data-testid="block-slot-header"
      data-line={slot.line}
    >
      <span className="block-gutter">{slot.line}</span>
      <Indent depth={depth} />
      <div className="block-body">
        <div className="block-main">
          <span className="block-slot-label">{t(`blocks.slot.${slot.role}`)}</span>
          {test && <Chips parts={[{ chip: test.text, form: test.form }]} />}
        </div>
      </div>
    </div>
  );
}

function EmptySlot({ parentId, slot, depth }: { parentId: string; slot: number; depth: number }) {
  const t = useT();
  const ui = useBlockEditorUi();
  const over = useRows(
    (s) =>
      !!s.indicator &&
      'parentId' in s.indicator &&
      s.indicator.parentId === parentId &&
      s.indicator.slot === slot,
  );
  const insertMenu = useInsertMenu({ inside: parentId, slot });
  return (
    <div
      className={`block-row block-slot-empty${over ? ' drop-inside' : ''}`}
      data-slot-drop
      data-parent-id={parentId}
      data-slot={slot}
      data-testid="block-slot-empty"
    >
      <span className="block-gutter" />
      <Indent depth={depth} />
      {ui.readOnly ? (
        <span className="block-empty-text">{t('blocks.row.emptySlot')}</span>
      ) : (
        <Dropdown menu={insertMenu} trigger={['click']}>
          <Button type="dashed" size="small" icon={<PlusOutlined />} data-testid="block-slot-add">
            {t('blocks.row.addHere')}
          </Button>
        </Dropdown>
      )}
    </div>
  );
}

export type { InsertKind };

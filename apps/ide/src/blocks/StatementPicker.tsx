import { SearchOutlined } from '@ant-design/icons';
import { Cascader, Empty, Input, Modal, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../i18n';
import type { CatalogNode } from './statement-catalog';
import type { BlockTemplate } from './templates';

type Props = {
  catalog: readonly CatalogNode[];
  onPick: (template: BlockTemplate, label: string) => void;
  onCancel: () => void;
};

type Leaf = { path: string[]; labels: string[]; node: CatalogNode };

function leaves(nodes: readonly CatalogNode[], path: string[] = [], labels: string[] = []): Leaf[] {
  return nodes.flatMap((node) =>
    node.children
      ? leaves(node.children, [...path, node.value], [...labels, node.label])
      : [{ path: [...path, node.value], labels: [...labels, node.label], node }],
  );
}

const toOptions = (nodes: readonly CatalogNode[]): object[] =>
  nodes.map((node) => ({
    value: node.value,
    disabled: node.disabled,
    label: (
      <Tooltip title={node.reason} placement="right">
        <span className="catalog-option" data-testid={`catalog-${node.value}`}>
          <span>{node.label}</span>
          {node.detail && !node.children && <span className="catalog-detail">{node.detail}</span>}
        </span>
      </Tooltip>
    ),
    children: node.children ? toOptions(node.children) : undefined,
  }));

/**
 * The basic statement picker: Variables / Services / Data models → element → function, as
 * cascading lists, with a search over every statement.
 */
export function StatementPicker({ catalog, onPick, onCancel }: Props) {
  const t = useT();
  const [search, setSearch] = useState('');
  const all = useMemo(() => leaves(catalog), [catalog]);
  const options = useMemo(() => toOptions(catalog), [catalog]);
  const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const found = words.length
    ? all.filter((leaf) => {
        const haystack = `${leaf.labels.join(' ')} ${leaf.node.detail ?? ''}`.toLowerCase();
        return words.every((word) => haystack.includes(word));
      })
    : [];
  const choose = (leaf: Leaf) => {
    if (leaf.node.template && !leaf.node.disabled)
      onPick(leaf.node.template, leaf.labels.join(' → '));
  };

  return (
    <Modal
      open
      title={t('blocks.picker.title')}
      footer={null}
      width={760}
      onCancel={onCancel}
      destroyOnHidden
    >
      <div data-testid="statement-picker">
        <Input
          autoFocus
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('blocks.picker.search')}
          value={search}
          data-testid="statement-search"
          onChange={(e) => setSearch(e.target.value)}
          onPressEnter={() => {
            const first = found.find((leaf) => !leaf.node.disabled);
            if (first) choose(first);
          }}
          className="picker-search"
        />
        {words.length > 0 ? (
          found.length > 0 ? (
            <div className="picker-results">
              {found.map((leaf) => (
                <button
                  key={leaf.path.join('/')}
                  type="button"
                  className="picker-result"
                  disabled={leaf.node.disabled}
                  data-testid="statement-result"
                  onClick={() => choose(leaf)}
                >
                  <span>{leaf.labels.join(' → ')}</span>
                  {leaf.node.detail && <span className="catalog-detail">{leaf.node.detail}</span>}
                </button>
              ))}
            </div>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('blocks.picker.none')} />
          )
        ) : (
          <div className="picker-panel">
            <Cascader.Panel
              options={options as never}
              expandTrigger="hover"
              onChange={(path) => {
                const leaf = all.find((one) => one.path.join('/') === (path as string[]).join('/'));
                if (leaf) choose(leaf);
              }}
            />
          </div>
        )}
        <Typography.Paragraph type="secondary" className="picker-hint">
          {t('blocks.picker.hint')}
        </Typography.Paragraph>
      </div>
    </Modal>
  );
}

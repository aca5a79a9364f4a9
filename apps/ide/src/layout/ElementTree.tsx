import { PlusOutlined, SearchOutlined, WarningFilled } from '@ant-design/icons';
import { GROUPS } from '@whenthen/schema';
import { Badge, Button, Dropdown, Empty, Input, Popover, Tooltip, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo, useState } from 'react';
import type { ElementSummary } from '../api/types';
import { useT } from '../i18n';
import { identifierFromTitle } from '../kinds/identifier';
import { EVENT_KINDS } from '../kinds/registry';
import type { Route } from '../router/routes';
import { navigate, useRoute } from '../router/use-route';
import { useAppStore } from '../stores/app-store';
import { useUiStore } from '../stores/ui-store';
import { NewServiceDialog } from '../services/NewServiceDialog';
import { useNewServiceStore } from '../services/new-service-store';
import { NewFlowDialog, useNewFlowDialog } from '../approvals/NewFlowDialog';
import { ELEMENT_GROUPS, elementIcon, shortOf } from './element-types';

const routeElement = (route: Route): string | null =>
  route.page === 'event' ||
  route.page === 'element' ||
  route.page === 'service' ||
  route.page === 'approval'
    ? route.name
    : route.page === 'data'
      ? route.model
      : null;

/** The left panel: elements grouped by type, a search box and the "+" menu. */
export function ElementTree() {
  const t = useT();
  const elements = useAppStore((s) => s.elements);
  const problems = useAppStore((s) => s.problems);
  const openNewEvent = useUiStore((s) => s.openNewEvent);
  const openNewService = useNewServiceStore((s) => s.open);
  const openNewFlow = useNewFlowDialog((s) => s.show);
  const route = useRoute();
  const [search, setSearch] = useState('');
  const [collapsed, setCollapsed] = useState<string[]>([]);

  const query = search.trim().toLowerCase();
  const byName = useMemo(() => new Map(elements.map((e) => [e.name, e])), [elements]);
  const groups = useMemo(() => {
    const matches = (e: ElementSummary) =>
      !query ||
      e.name.toLowerCase().includes(query) ||
      (e.title ?? '').toLowerCase().includes(query);
    return GROUPS.map((group) => ({
      group,
      items: elements
        .filter((e) => e.name.startsWith(`${group}.`) && matches(e))
        .sort((a, b) => (a.title ?? a.name).localeCompare(b.title ?? b.name)),
    })).filter(
      ({ group, items }) => items.length > 0 || (!query && ELEMENT_GROUPS[group].alwaysShown),
    );
  }, [elements, query]);

  const treeData: DataNode[] = groups.map(({ group, items }) => ({
    key: `group:${group}`,
    selectable: false,
    title: (
      <span className="tree-group" data-testid={`tree-group-${group}`}>
        {t(ELEMENT_GROUPS[group].titleKey)} <span className="tree-count">{items.length}</span>
      </span>
    ),
    children: items.map((e) => ({ key: e.name, isLeaf: true, title: <TreeItem element={e} /> })),
  }));

  const expanded = query
    ? groups.map((g) => `group:${g.group}`)
    : groups.map((g) => `group:${g.group}`).filter((k) => !collapsed.includes(k));
  const selected = routeElement(route);
  const kinds = Object.values(EVENT_KINDS);
  const allProblems = [...problems, ...elements.flatMap((e) => e.problems)];

  return (
    <div className="tree-panel">
      <div className="tree-toolbar">
        <Input
          allowClear
          prefix={<SearchOutlined className="muted" />}
          placeholder={t('tree.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="tree-search"
        />
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              {
                key: 'event',
                label: <span data-testid="add-menu-event">{t('tree.addEvent')}</span>,
                icon: ELEMENT_GROUPS.events.icon,
                children: kinds.map((unit) => ({
                  key: `event:${unit.kind}`,
                  icon: unit.icon,
                  label: (
                    <span data-testid={`add-event-${unit.kind}`} title={t(unit.helpKey)}>
                      {t(unit.titleKey)}
                    </span>
                  ),
                })),
              },
              {
                key: 'service',
                label: (
                  <span data-testid="add-menu-service" title={t('tree.addServiceHelp')}>
                    {t('tree.addService')}
                  </span>
                ),
                icon: ELEMENT_GROUPS.services.icon,
              },
              {
                key: 'approval',
                label: (
                  <span data-testid="add-menu-approval" title={t('tree.addApprovalHelp')}>
                    {t('tree.addApproval')}
                  </span>
                ),
                icon: ELEMENT_GROUPS.approvals.icon,
              },
            ],
            onClick: ({ key }) => {
              if (key === 'service') openNewService();
              else if (key === 'approval') openNewFlow();
              else if (key.startsWith('event:')) openNewEvent(key.slice('event:'.length));
            },
          }}
        >
          <Tooltip title={t('tree.add')}>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="tree-add"
              aria-label={t('tree.add')}
            />
          </Tooltip>
        </Dropdown>
        <NewServiceDialog />
        <NewFlowDialog />
      </div>
      <div className="tree-scroll">
        {treeData.every((g) => !g.children?.length) && query ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tree.empty')} />
        ) : (
          <Tree
            blockNode
            showIcon={false}
            treeData={treeData}
            expandedKeys={expanded}
            selectedKeys={selected ? [selected] : []}
            onExpand={(_keys, info) => {
              const key = String(info.node.key);
              setCollapsed((c) => (info.expanded ? c.filter((k) => k !== key) : [...c, key]));
            }}
            onSelect={(_keys, info) => {
              const element = byName.get(String(info.node.key));
              const group = element
                ? (element.name.slice(0, element.name.indexOf('.')) as keyof typeof ELEMENT_GROUPS)
                : null;
              if (element && group && ELEMENT_GROUPS[group])
                navigate(ELEMENT_GROUPS[group].open(element));
            }}
          />
        )}
      </div>
      {allProblems.length > 0 && (
        <Popover
          placement="rightBottom"
          title={t('tree.problemsTitle')}
          content={
            <ul className="problem-list">
              {allProblems.map((p, i) => (
                <li key={i}>
                  <Typography.Text code>{p.file}</Typography.Text>{' '}
                  <Typography.Text type="secondary">{p.field}</Typography.Text> — {p.reason}
                </li>
              ))}
            </ul>
          }
        >
          <div className="tree-problems" data-testid="tree-problems">
            <WarningFilled /> {t('tree.problems', { count: allProblems.length })}
          </div>
        </Popover>
      )}
    </div>
  );
}

function TreeItem({ element }: { element: ElementSummary }) {
  const t = useT();
  const short = shortOf(element.name);
  const title = element.title || short;
  const isEvent = element.type === 'event';
  return (
    <span className="tree-item" data-testid={`tree-item-${element.name}`} title={element.name}>
      <span className="tree-item-icon">{elementIcon(element)}</span>
      <span className="tree-item-title">{title}</span>
      {/* the identifier is worth showing only when the title does not already say it */}
      {identifierFromTitle(title) !== short && <span className="tree-item-name">{short}</span>}
      {element.problems.length > 0 && (
        <Tooltip title={element.problems.map((p) => `${p.field}: ${p.reason}`).join('\n')}>
          <WarningFilled className="tree-item-warning" />
        </Tooltip>
      )}
      {isEvent && (
        <Tooltip title={element.enabled ? t('tree.enabled') : t('tree.disabled')}>
          <Badge
            status={element.enabled ? 'success' : 'default'}
            data-testid={`tree-status-${element.name}`}
            className="tree-item-status"
          />
        </Tooltip>
      )}
    </span>
  );
}

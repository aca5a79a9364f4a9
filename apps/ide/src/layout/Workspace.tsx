import { HomeOutlined } from '@ant-design/icons';
import { Tabs } from 'antd';
import { useEffect } from 'react';
import { useT } from '../i18n';
import { DataPanel } from '../data/DataPanel';
import { ElementPage } from '../pages/ElementPage';
import { EventPage } from '../pages/EventPage';
import { HomePage } from '../pages/HomePage';
import { NotificationsPage } from '../pages/NotificationsPage';
import { ServicePage } from '../services/ServicePage';
import { ApprovalFlowPage } from '../approvals/ApprovalFlowPage';
import { InboxPage } from '../approvals/InboxPage';
import { ExecutionPathPage } from '../executions/ExecutionPathPage';
import { ExecutionsPage } from '../executions/ExecutionsPage';
import { PageErrorBoundary } from './PageErrorBoundary';
import { parseRoute, routeHash, routeKey, type Route } from '../router/routes';
import { navigate, useRoute } from '../router/use-route';
import { useAppStore } from '../stores/app-store';
import { useModal } from '../components/feedback';
import { tabLabel } from './tab-titles';
import { useTabsStore } from './tabs-store';
import { useUnsavedWarning } from './use-unsaved-warning';

const HOME_KEY = routeKey({ page: 'home' });

function PageFor({ route, tabKey }: { route: Route; tabKey: string }) {
  switch (route.page) {
    case 'event':
      return <EventPage name={route.name} tabKey={tabKey} />;
    case 'data':
      return <DataPanel model={route.model} />;
    case 'element':
      return <ElementPage name={route.name} />;
    case 'service':
      return <ServicePage name={route.name} tabKey={tabKey} />;
    case 'executions':
      return <ExecutionsPage />;
    case 'execution':
      return <ExecutionPathPage id={route.id} />;
    case 'notifications':
      return <NotificationsPage />;
    case 'approval':
      return <ApprovalFlowPage name={route.name} tabKey={tabKey} />;
    case 'inbox':
      return <InboxPage />;
    case 'home':
      return <HomePage />;
  }
}

/** The right side: one tab per opened page, kept mounted so unsaved edits survive tab switches. */
export function Workspace() {
  const t = useT();
  const route = useRoute();
  const tabs = useTabsStore((s) => s.tabs);
  const dirty = useTabsStore((s) => s.dirty);
  const open = useTabsStore((s) => s.open);
  const close = useTabsStore((s) => s.close);
  const elements = useAppStore((s) => s.elements);
  const modal = useModal();

  useEffect(() => open(route), [route, open]);
  useUnsavedWarning();

  const activeKey = routeKey(route);
  const closeTab = (key: string) => {
    const doClose = () => {
      const index = tabs.findIndex((tab) => tab.key === key);
      close(key);
      if (key === activeKey) {
        const neighbour = tabs[index + 1] ?? tabs[index - 1];
        navigate(neighbour && neighbour.key !== key ? neighbour.route : { page: 'home' });
      }
    };
    if (dirty[key])
      modal.confirm({
        title: t('event.closeDirty'),
        content: t('event.closeDirtyBody'),
        onOk: doClose,
        okButtonProps: { danger: true },
      });
    else doClose();
  };

  const items = [
    {
      key: HOME_KEY,
      closable: false,
      label: (
        <span data-testid="tab-home">
          <HomeOutlined />
        </span>
      ),
      children: <HomePage />,
    },
    ...tabs.map((tab) => {
      const { icon, text } = tabLabel(tab.route, elements, t);
      return {
        key: tab.key,
        label: (
          <span className="tab-label" data-testid={`tab-${tab.key}`}>
            {icon}
            <span className="tab-text">{text}</span>
            {dirty[tab.key] && <span className="dirty-dot" data-testid="tab-dirty" />}
          </span>
        ),
        children: (
          <PageErrorBoundary key={tab.key}>
            <PageFor route={tab.route} tabKey={tab.key} />
          </PageErrorBoundary>
        ),
      };
    }),
  ];

  return (
    <Tabs
      className="workspace-tabs"
      type="editable-card"
      hideAdd
      size="small"
      activeKey={activeKey}
      items={items}
      onChange={(key) => (window.location.hash = routeHash(parseRoute(`#${key}`)))}
      onEdit={(key, action) => action === 'remove' && typeof key === 'string' && closeTab(key)}
    />
  );
}

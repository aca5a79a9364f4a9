import { BellOutlined, HistoryOutlined, InboxOutlined, NodeIndexOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { ElementSummary } from '../api/types';
import type { Translate } from '../i18n';
import type { Route } from '../router/routes';
import { elementIcon, shortOf } from './element-types';

/** The icon and label of a tab, from its route and the element list. */
export function tabLabel(
  route: Route,
  elements: readonly ElementSummary[],
  t: Translate,
): { icon: ReactNode; text: string } {
  const named = (name: string) => {
    const element = elements.find((e) => e.name === name);
    return { icon: element ? elementIcon(element) : null, text: element?.title || shortOf(name) };
  };
  switch (route.page) {
    case 'event':
    case 'element':
    case 'service':
    case 'approval':
      return named(route.name);
    case 'data': {
      const { icon, text } = named(route.model);
      return { icon, text: t('data.title', { model: text }) };
    }
    case 'executions':
      return { icon: <HistoryOutlined />, text: t('records.title') };
    case 'execution':
      return { icon: <NodeIndexOutlined />, text: `${t('path.title')} · ${route.id.slice(-6)}` };
    case 'notifications':
      return { icon: <BellOutlined />, text: t('notifications.title') };
    case 'inbox':
      return { icon: <InboxOutlined />, text: t('inbox.title') };
    case 'home':
      return { icon: null, text: t('home.title') };
  }
}

import {
  ApiOutlined,
  AuditOutlined,
  CommentOutlined,
  RobotOutlined,
  TableOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import type { Group } from '@whenthen/schema';
import type { ReactNode } from 'react';
import type { ElementSummary } from '../api/types';
import type { MessageKey } from '../i18n';
import { eventKindOf } from '../kinds/registry';
import type { Route } from '../router/routes';

/** How the tree shows each element group and which page an element of it opens. */
export const ELEMENT_GROUPS: Record<
  Group,
  {
    titleKey: MessageKey;
    icon: ReactNode;
    alwaysShown: boolean;
    open: (e: ElementSummary) => Route;
  }
> = {
  models: {
    titleKey: 'group.models',
    icon: <TableOutlined />,
    alwaysShown: true,
    open: (e) => ({ page: 'data', model: e.name }),
  },
  services: {
    titleKey: 'group.services',
    icon: <ApiOutlined />,
    alwaysShown: true,
    open: (e) => ({ page: 'service', name: e.name }),
  },
  approvals: {
    titleKey: 'group.approvals',
    icon: <AuditOutlined />,
    alwaysShown: false,
    open: (e) => ({ page: 'approval', name: e.name }),
  },
  events: {
    titleKey: 'group.events',
    icon: <ThunderboltOutlined />,
    alwaysShown: true,
    // An event of a kind the IDE cannot edit yet is shown read-only.
    open: (e) =>
      eventKindOf(e.kind) ? { page: 'event', name: e.name } : { page: 'element', name: e.name },
  },
  agents: {
    titleKey: 'group.agents',
    icon: <RobotOutlined />,
    alwaysShown: false,
    open: (e) => ({ page: 'element', name: e.name }),
  },
  assistants: {
    titleKey: 'group.assistants',
    icon: <CommentOutlined />,
    alwaysShown: false,
    open: (e) => ({ page: 'element', name: e.name }),
  },
};

export const groupOf = (name: string): Group | null => {
  const group = name.slice(0, name.indexOf('.'));
  return group in ELEMENT_GROUPS ? (group as Group) : null;
};

export const elementIcon = (e: ElementSummary): ReactNode => {
  const group = groupOf(e.name);
  if (group === 'events') return eventKindOf(e.kind)?.icon ?? ELEMENT_GROUPS.events.icon;
  return group ? ELEMENT_GROUPS[group].icon : null;
};

export const shortOf = (name: string) => name.slice(name.indexOf('.') + 1);

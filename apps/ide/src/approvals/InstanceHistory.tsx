import {
  CheckOutlined,
  CloseOutlined,
  NodeIndexOutlined,
  RollbackOutlined,
  SendOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import type { ApprovalAction, ApprovalNode } from '@whenthen/schema';
import { Button, Spin, Timeline, Tooltip, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { executionsApi } from '../api/endpoints';
import type { Execution } from '../api/types';
import { formatDuration, formatTime } from '../executions/format';
import { StatusTag } from '../executions/StatusTag';
import { useT } from '../i18n';
import { shortOf } from '../layout/element-types';
import { navigate } from '../router/use-route';
import { useAppStore } from '../stores/app-store';
import type { AppUser, ApprovalHistoryEntry } from './approvals-api';
import { userLabel } from './approval-data';
import { ApprovalStatusTag } from './ApprovalStatusTag';
import { UserAvatar } from './UserSelect';

const ACTION_LOOK: Record<ApprovalAction, { color: string; icon: ReactNode }> = {
  submit: { color: 'blue', icon: <SendOutlined /> },
  approve: { color: 'green', icon: <CheckOutlined /> },
  reject: { color: 'red', icon: <CloseOutlined /> },
  transfer: { color: 'orange', icon: <SwapOutlined /> },
  withdraw: { color: 'gray', icon: <RollbackOutlined /> },
};

type Props = {
  history: readonly ApprovalHistoryEntry[];
  nodes: readonly ApprovalNode[];
  users: readonly AppUser[];
  /** Changes when the runs should be read again (after an action, on refresh). */
  refreshKey: number;
};

/** Who did what, where, when and why, and the runs each action set off (newest last). */
export function InstanceHistory({ history, nodes, users, refreshKey }: Props) {
  const t = useT();
  const nodeTitle = (id: string | null) =>
    id === null ? '' : (nodes.find((n) => n.id === id)?.title ?? id);
  return (
    <Timeline
      className="approval-history"
      items={history.map((entry) => ({
        key: entry.id,
        color: ACTION_LOOK[entry.action].color,
        icon: ACTION_LOOK[entry.action].icon,
        content: (
          <div
            className="history-entry"
            data-testid="approval-history-entry"
            data-action={entry.action}
            data-user={entry.user}
          >
            <div className="history-head">
              <UserAvatar id={entry.user} size={18} />
              <Typography.Text strong>{userLabel(users, entry.user)}</Typography.Text>
              <span>
                {t(`approval.did.${entry.action}`, {
                  to: entry.to ? userLabel(users, entry.to) : '',
                })}
              </span>
              {entry.node && (
                <span className="muted">{t('inbox.atNode', { node: nodeTitle(entry.node) })}</span>
              )}
              <span className="history-time muted small">{formatTime(entry.at)}</span>
            </div>
            {entry.comment && (
              <div className="history-comment" data-testid="approval-history-comment">
                {entry.comment}
              </div>
            )}
            <div className="history-result small">
              {entry.status === 'pending' && entry.nextNode ? (
                <span className="muted">
                  {entry.nextNode === entry.node
                    ? t('inbox.stays', { node: nodeTitle(entry.nextNode) })
                    : t('inbox.movedTo', { node: nodeTitle(entry.nextNode) })}
                </span>
              ) : (
                <>
                  <span className="muted">{t('inbox.endedAs')}</span>{' '}
                  <ApprovalStatusTag status={entry.status} />
                </>
              )}
            </div>
            <EntryRuns requestId={entry.requestId} refreshKey={refreshKey} />
          </div>
        ),
      }))}
    />
  );
}

/** The event runs one action set off (its request's records, without the action's own record). */
function EntryRuns({ requestId, refreshKey }: { requestId: string; refreshKey: number }) {
  const t = useT();
  const elements = useAppStore((s) => s.elements);
  const [runs, setRuns] = useState<Execution[] | null>(null);
  const [actionRun, setActionRun] = useState<Execution | null>(null);
  useEffect(() => {
    let live = true;
    executionsApi.list({ requestId, limit: 100, offset: 0 }).then(
      (page) => {
        if (!live) return;
        const ordered = [...page.items].sort((a, b) =>
          (a.startedAt ?? '').localeCompare(b.startedAt ?? ''),
        );
        setRuns(ordered.filter((r) => r.event.startsWith('events.')));
        setActionRun(ordered.find((r) => !r.event.startsWith('events.')) ?? null);
      },
      () => live && setRuns([]),
    );
    return () => {
      live = false;
    };
  }, [requestId, refreshKey]);
  if (runs === null) return <Spin size="small" />;
  const title = (name: string) => elements.find((e) => e.name === name)?.title || shortOf(name);
  return (
    <div className="history-runs" data-testid="approval-runs">
      {runs.length === 0 ? (
        <span className="muted small">{t('inbox.noRuns')}</span>
      ) : (
        runs.map((run) => (
          <div
            key={run.id}
            className="history-run"
            data-testid="approval-run"
            data-event={run.event}
            data-status={run.status}
          >
            <StatusTag status={run.status} />
            <Typography.Text className="history-run-title">{title(run.event)}</Typography.Text>
            <span className="muted small">
              {run.timing ? t(`timing.${run.timing}` as 'timing.statusChanged') : run.kind}
              {' · '}
              {run.mode === 'async' ? t('records.async') : 'sync'}
              {' · '}
              {formatDuration(run.durationMs, t)}
            </span>
            {run.error && (
              <Typography.Text type="danger" className="small" ellipsis>
                {run.error.message}
              </Typography.Text>
            )}
            <Button
              type="link"
              size="small"
              icon={<NodeIndexOutlined />}
              data-testid="approval-run-path"
              onClick={() => navigate({ page: 'execution', id: run.id })}
            >
              {t('records.path')}
            </Button>
          </div>
        ))
      )}
      {actionRun && runs.length > 0 && (
        <Tooltip title={t('inbox.chainHelp')}>
          <Button
            type="link"
            size="small"
            className="history-chain"
            data-testid="approval-chain-path"
            onClick={() => navigate({ page: 'execution', id: actionRun.id })}
          >
            {t('inbox.chain')}
          </Button>
        </Tooltip>
      )}
    </div>
  );
}

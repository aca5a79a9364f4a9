import { InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import { APPROVAL_STATUSES, type ApprovalStatus } from '@whenthen/schema';
import {
  Alert,
  Badge,
  Button,
  Card,
  Col,
  Empty,
  Row,
  Segmented,
  Select,
  Spin,
  Tooltip,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Page } from '../api/types';
import { formatTime } from '../executions/format';
import { useT } from '../i18n';
import { findModel, useAppStore } from '../stores/app-store';
import { useActingUser } from './acting-user';
import { approvalsApi, type ApprovalInstance } from './approvals-api';
import { useApprovalData, userLabel } from './approval-data';
import { ApprovalStatusTag } from './ApprovalStatusTag';
import { InstancePanel } from './InstancePanel';
import { UserAvatar, UserSelect } from './UserSelect';
import './approvals.css';

type View = 'mine' | 'all';

/**
 * The approvals inbox: act as any user of the application, see the tasks waiting for them (or every
 * instance), and open one to approve, reject or transfer it and read its history and runs.
 */
export function InboxPage() {
  const t = useT();
  const { users, flows, loaded } = useApprovalData();
  const models = useAppStore((s) => s.models);
  const user = useActingUser((s) => s.user);
  const setUser = useActingUser((s) => s.setUser);
  const version = useActingUser((s) => s.version);
  const [view, setView] = useState<View>('mine');
  const [status, setStatus] = useState<ApprovalStatus | 'any'>('any');
  const [flow, setFlow] = useState<string | undefined>(undefined);
  const [page, setPage] = useState<Page<ApprovalInstance> | null>(null);
  const [mineCount, setMineCount] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<number | null>(null);

  // Act as the first user until one is chosen (or when the chosen one left app.json).
  useEffect(() => {
    if (loaded && users.length && !users.some((u) => u.id === user)) setUser(users[0]!.id);
  }, [loaded, users, user, setUser]);

  const load = useCallback(async () => {
    if (!user) return;
    try {
      const [list, mine] = await Promise.all([
        view === 'mine'
          ? approvalsApi.list({ assignee: user, status: 'pending', limit: 100 })
          : approvalsApi.list({ status: status === 'any' ? undefined : status, flow, limit: 100 }),
        approvalsApi.list({ assignee: user, status: 'pending', limit: 1 }),
      ]);
      setPage(list);
      setMineCount(mine.total);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [user, view, status, flow]);
  useEffect(() => void load(), [load, version]);

  // Switching user or view starts from the first item of the new list.
  useEffect(() => {
    setSelected(null);
    setPage(null);
  }, [user, view]);
  useEffect(() => {
    if (selected === null && page?.items[0]) setSelected(page.items[0].id);
  }, [page, selected]);

  const flowTitle = (name: string) => flows.find((f) => f.name === name)?.title ?? name;

  return (
    <div className="page inbox-page" data-testid="inbox-page">
      <div className="page-header">
        <div className="page-title">
          <span className="page-icon">
            <InboxOutlined />
          </span>
          <div>
            <Typography.Title level={4} className="page-title-text">
              {t('inbox.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('inbox.lead')}</Typography.Text>
          </div>
        </div>
        <div className="act-as" data-testid="inbox-act-as">
          <span className="act-as-label">{t('inbox.actAs')}</span>
          <UserSelect
            testId="inbox-user"
            users={users}
            value={user}
            onChange={setUser}
            style={{ minWidth: 240 }}
          />
        </div>
      </div>
      {loaded && users.length === 0 && (
        <Alert type="warning" showIcon className="page-alert" title={t('inbox.noUsers')} />
      )}
      {error && <Alert type="error" showIcon className="page-alert" title={error} />}
      <Row gutter={14} align="top">
        <Col xs={24} xl={8} xxl={7}>
          <Card
            className="page-card inbox-list-card"
            title={
              <Segmented<View>
                data-testid="inbox-view"
                value={view}
                onChange={setView}
                options={[
                  {
                    value: 'mine',
                    label: (
                      <span data-testid="inbox-view-mine">
                        {t('inbox.mine')}{' '}
                        <Badge
                          count={mineCount ?? 0}
                          showZero
                          size="small"
                          color={mineCount ? '#1f5eff' : '#bfbfbf'}
                        />
                      </span>
                    ),
                  },
                  {
                    value: 'all',
                    label: <span data-testid="inbox-view-all">{t('inbox.all')}</span>,
                  },
                ]}
              />
            }
            extra={
              <Tooltip title={t('inbox.refresh')}>
                <Button
                  type="text"
                  icon={<ReloadOutlined />}
                  data-testid="inbox-refresh"
                  onClick={() => void load()}
                />
              </Tooltip>
            }
          >
            {view === 'all' && (
              <div className="inbox-filters">
                <Select
                  data-testid="inbox-status"
                  value={status}
                  style={{ width: 140 }}
                  onChange={setStatus}
                  options={[
                    { value: 'any', label: t('records.all') },
                    ...APPROVAL_STATUSES.map((s) => ({
                      value: s,
                      label: t(`approval.status.${s}`),
                    })),
                  ]}
                />
                <Select
                  data-testid="inbox-flow"
                  allowClear
                  value={flow}
                  style={{ flex: 1, minWidth: 160 }}
                  placeholder={t('inbox.allFlows')}
                  onChange={setFlow}
                  options={flows.map((f) => ({ value: f.name, label: f.title }))}
                />
              </div>
            )}
            {!page ? (
              <div className="center-fill">
                <Spin />
              </div>
            ) : page.items.length === 0 ? (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={
                  view === 'mine'
                    ? t('inbox.noTasks', { user: user ? userLabel(users, user) : '' })
                    : t('inbox.noInstances')
                }
              />
            ) : (
              <div className="inbox-list" data-testid="inbox-list">
                {page.items.map((item) => {
                  const model = findModel(models, item.model);
                  return (
                    <button
                      type="button"
                      key={item.id}
                      className={`inbox-item${item.id === selected ? ' inbox-item-active' : ''}`}
                      data-testid={`inbox-item-${item.id}`}
                      data-status={item.status}
                      onClick={() => setSelected(item.id)}
                    >
                      <div className="inbox-item-head">
                        <span className="inbox-item-flow">{flowTitle(item.flow)}</span>
                        <span className="muted small">#{item.id}</span>
                        <span className="grow" />
                        <ApprovalStatusTag status={item.status} />
                      </div>
                      <div className="inbox-item-body">
                        <span>
                          {model?.title ?? item.model} #{item.recordId}
                        </span>{' '}
                        {item.node && (
                          <span className="inbox-item-node">· {item.nodeTitle ?? item.node}</span>
                        )}
                      </div>
                      <div className="inbox-item-foot muted small">
                        <UserAvatar id={item.submittedBy} size={16} />{' '}
                        {t('inbox.submittedByShort', { user: userLabel(users, item.submittedBy) })}
                        <span className="grow" />
                        {formatTime(item.updatedAt)}
                      </div>
                    </button>
                  );
                })}
                {page.total > page.items.length && (
                  <Typography.Text type="secondary" className="small">
                    {t('inbox.more', { shown: page.items.length, total: page.total })}
                  </Typography.Text>
                )}
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={16} xxl={17}>
          {selected !== null ? (
            <InstancePanel key={selected} id={selected} />
          ) : (
            <Card className="page-card">
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inbox.pick')} />
            </Card>
          )}
        </Col>
      </Row>
    </div>
  );
}

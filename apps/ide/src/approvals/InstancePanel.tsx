import {
  CheckCircleFilled,
  ClockCircleOutlined,
  CloseCircleFilled,
  MinusCircleOutlined,
  FilterOutlined,
  ReloadOutlined,
  SwapOutlined,
  TableOutlined,
} from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Result, Spin, Steps, Tag, Tooltip } from 'antd';
import type { Condition, Field } from '@whenthen/schema';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { dataApi } from '../api/endpoints';
import type { DataRecord } from '../api/types';
import { formatTime, preview } from '../executions/format';
import { useT } from '../i18n';
import { navigate } from '../router/use-route';
import { useRefLabels } from '../data/use-ref-labels';
import { findModel, useAppStore } from '../stores/app-store';
import { useActingUser } from './acting-user';
import { ActionBar } from './ActionBar';
import { approvalsApi, type ApprovalDetail, type ApprovalTask } from './approvals-api';
import { useApprovalData, userLabel } from './approval-data';
import { ApprovalStatusTag } from './ApprovalStatusTag';
import { InstanceHistory } from './InstanceHistory';
import { CARD_FIELDS, cardFields } from './record-card';
import { instanceProgress, type NodeProgress } from './instance-progress';
import { UserAvatar } from './UserSelect';

const STEP_STATUS: Record<NodeProgress['state'], 'finish' | 'process' | 'error' | 'wait'> = {
  done: 'finish',
  current: 'process',
  rejected: 'error',
  waiting: 'wait',
  skipped: 'wait',
};

const TASK_ICON: Record<ApprovalTask['status'], React.ReactNode> = {
  open: <ClockCircleOutlined style={{ color: '#1677ff' }} />,
  approved: <CheckCircleFilled style={{ color: '#52c41a' }} />,
  rejected: <CloseCircleFilled style={{ color: '#ff4d4f' }} />,
  transferred: <SwapOutlined style={{ color: '#fa8c16' }} />,
  cancelled: <MinusCircleOutlined className="muted" />,
};

/** One approval instance: where it stands, what the acting user can do, the record, the history and runs. */
export function InstancePanel({ id }: { id: number }) {
  const t = useT();
  const { users, flows } = useApprovalData();
  const version = useActingUser((s) => s.version);
  const [detail, setDetail] = useState<ApprovalDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);

  const load = useCallback(async () => {
    try {
      setDetail(await approvalsApi.get(id));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [id]);
  useEffect(() => void load(), [load, version]);

  if (error) return <Result status="warning" title={t('inbox.loadFailed')} subTitle={error} />;
  if (!detail || detail.id !== id)
    return (
      <div className="center-fill">
        <Spin />
      </div>
    );

  const flow = flows.find((f) => f.name === detail.flow);
  const progress = instanceProgress(detail);
  const finalTitle =
    detail.status === 'pending'
      ? t('flow.diagram.approved')
      : t(`approval.status.${detail.status}`);

  return (
    <div className="instance-panel" data-testid="approval-detail" data-status={detail.status}>
      <Card
        className="page-card"
        title={
          <span className="instance-title">
            <span>{flow?.title ?? detail.flow}</span>
            <span className="muted">#{detail.id}</span>
            <ApprovalStatusTag status={detail.status} testId="approval-status" />
          </span>
        }
        extra={
          <Tooltip title={t('inbox.refresh')}>
            <Button
              type="text"
              icon={<ReloadOutlined />}
              data-testid="approval-refresh"
              onClick={() => {
                void load();
                setRefreshKey((k) => k + 1);
              }}
            />
          </Tooltip>
        }
      >
        <div className="instance-meta">
          <span>
            {t('inbox.submittedBy')} <UserAvatar id={detail.submittedBy} size={18} />{' '}
            <b>{userLabel(users, detail.submittedBy)}</b>
          </span>
          <span className="muted">{formatTime(detail.createdAt)}</span>
          {detail.endedAt && (
            <span className="muted">
              {t('inbox.endedAt')} {formatTime(detail.endedAt)}
            </span>
          )}
        </div>
        <Steps
          className="instance-steps"
          size="small"
          titlePlacement="vertical"
          items={[
            {
              title: t('flow.diagram.start'),
              status: 'finish',
              content: userLabel(users, detail.submittedBy),
            },
            ...progress.nodes.map((p) => ({
              title: p.node.title || p.node.id,
              status: STEP_STATUS[p.state],
              content: (
                <div
                  className="step-tasks"
                  data-testid={`approval-step-${p.node.id}`}
                  data-state={p.state}
                >
                  <Tag className="step-mode">
                    {t(p.node.mode === 'all' ? 'flow.modeAllShort' : 'flow.modeAnyShort')}
                  </Tag>
                  {p.tasks.length === 0 && (
                    <span className="muted small">
                      {p.node.approvers
                        .map((a) =>
                          typeof a === 'string' ? a : t('flow.approverField', { field: a.field }),
                        )
                        .join(', ')}
                    </span>
                  )}
                  {p.tasks.map((task) => (
                    <Tooltip
                      key={task.id}
                      title={`${t(`inbox.task.${task.status}`)}${task.doneAt ? ` · ${formatTime(task.doneAt)}` : ''}${task.transferredTo ? ` → ${task.transferredTo}` : ''}`}
                    >
                      <span className="step-task">
                        {TASK_ICON[task.status]} {task.assignee}
                      </span>
                    </Tooltip>
                  ))}
                </div>
              ),
            })),
            {
              title: finalTitle,
              status:
                detail.status === 'approved'
                  ? 'finish'
                  : detail.status === 'rejected'
                    ? 'error'
                    : 'wait',
            },
          ]}
        />
        {detail.status === 'pending' && (
          <ActionBar detail={detail} users={users} onDone={() => setRefreshKey((k) => k + 1)} />
        )}
      </Card>
      <RecordCard
        model={detail.model}
        recordId={detail.recordId}
        version={version}
        condition={flow?.condition ?? null}
      />
      <Card
        className="page-card"
        title={t('inbox.history')}
        extra={<span className="muted small">{t('inbox.historyHelp')}</span>}
      >
        <InstanceHistory
          history={detail.history}
          nodes={detail.nodes}
          users={users}
          refreshKey={refreshKey + version}
        />
      </Card>
    </div>
  );
}

/**
 * The record under approval: the fields the flow's condition looks at first (marked), refs as the
 * records they point at, the rest behind "show all", and a way to its data panel.
 */
function RecordCard({
  model: name,
  recordId,
  version,
  condition,
}: {
  model: string;
  recordId: number;
  version: number;
  condition: Condition | null;
}) {
  const t = useT();
  const model = useAppStore((s) => findModel(s.models, name));
  const [record, setRecord] = useState<DataRecord | null | undefined>(undefined);
  const [all, setAll] = useState(false);
  useEffect(() => {
    dataApi.get(name, recordId).then(setRecord, () => setRecord(null));
  }, [name, recordId, version]);
  const fields = useMemo(() => model?.fields ?? [], [model]);
  const rows = useMemo(() => (record ? [record] : []), [record]);
  const refLabels = useRefLabels(fields, rows);
  const listed = record ? cardFields(fields, record, condition) : [];
  const shown = all ? listed : listed.slice(0, CARD_FIELDS);
  const valueOf = (f: Field, value: unknown): string =>
    f.type === 'ref'
      ? (refLabels[f.name]?.get(value as number) ?? `#${String(value)}`)
      : typeof value === 'object'
        ? preview(value, 80)
        : String(value);
  return (
    <Card
      className="page-card"
      size="small"
      title={
        <span>
          <TableOutlined /> {model?.title ?? name} #{recordId}
        </span>
      }
      extra={
        <Button type="link" size="small" onClick={() => navigate({ page: 'data', model: name })}>
          {t('inbox.openData')}
        </Button>
      }
    >
      {record === undefined ? (
        <Spin size="small" />
      ) : record === null ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inbox.recordGone')} />
      ) : (
        <>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            className="approval-record"
            data-testid="approval-record"
            items={shown.map(({ field: f, inCondition }) => ({
              key: f.name,
              label: inCondition ? (
                <Tooltip title={t('inbox.inCondition')}>
                  <span
                    className="approval-record-key"
                    data-testid={`approval-record-key-${f.name}`}
                  >
                    <FilterOutlined /> {f.title || f.name}
                  </span>
                </Tooltip>
              ) : (
                f.title || f.name
              ),
              children: (
                <span
                  className={f.type === 'number' || f.type === 'integer' ? 'mono' : undefined}
                  data-testid={`approval-record-${f.name}`}
                >
                  {valueOf(f, record[f.name])}
                </span>
              ),
            }))}
          />
          {listed.length > CARD_FIELDS && (
            <Button
              type="link"
              size="small"
              className="approval-record-more"
              data-testid="approval-record-more"
              onClick={() => setAll((v) => !v)}
            >
              {all ? t('inbox.fewerFields') : t('inbox.allFields', { count: listed.length })}
            </Button>
          )}
        </>
      )}
    </Card>
  );
}

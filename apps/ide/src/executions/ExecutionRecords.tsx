import { NodeIndexOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Button,
  DatePicker,
  Input,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { executionsApi } from '../api/endpoints';
import { EXECUTION_STATUSES, type Execution, type ExecutionStatus } from '../api/types';
import { useT } from '../i18n';
import { shortOf } from '../layout/element-types';
import { useAppStore } from '../stores/app-store';
import { formatDuration, formatTime } from './format';
import { recordIdFilter } from './record-id-filter';
import { runKindLabel } from './run-labels';
import { StatusTag } from './StatusTag';

type Props = {
  /** Only this event's runs (the drawer on an event page); all events otherwise, with an event picker. */
  event?: string;
  onOpenPath: (run: Execution) => void;
  /** Bumped by the parent to reload (e.g. each time the drawer opens). */
  reloadKey?: number;
};

type Filters = {
  status: ExecutionStatus | 'all';
  range: [Dayjs | null, Dayjs | null] | null;
  event?: string;
  recordId: string;
  requestId: string;
};

/** Execution records: status segments, a start-time range, a paginated table. */
export function ExecutionRecords({ event, onOpenPath, reloadKey = 0 }: Props) {
  const t = useT();
  const elements = useAppStore((s) => s.elements);
  const [filters, setFilters] = useState<Filters>({
    status: 'all',
    range: null,
    recordId: '',
    requestId: '',
  });
  const [page, setPage] = useState({ current: 1, size: 20 });
  const [data, setData] = useState<{ total: number; items: Execution[] }>({ total: 0, items: [] });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const eventFilter = event ?? filters.event;
  const recordId = recordIdFilter(filters.recordId);
  const load = useCallback(async () => {
    if (recordId.invalid) {
      setData({ total: 0, items: [] });
      setError(null);
      return;
    }
    setLoading(true);
    try {
      const [from, to] = filters.range ?? [null, null];
      setData(
        await executionsApi.list({
          event: eventFilter,
          status: filters.status === 'all' ? undefined : filters.status,
          // ISO 8601 with the viewer's offset, e.g. 2024-05-01T10:00:00+08:00
          from: from ? from.format() : undefined,
          to: to ? to.format() : undefined,
          recordId: recordId.recordId,
          requestId: filters.requestId.trim() || undefined,
          limit: page.size,
          offset: (page.current - 1) * page.size,
        }),
      );
      setError(null);
    } catch (e) {
      // No stale rows under an error: they would read as the runs that match.
      setData({ total: 0, items: [] });
      setError((e as Error).message);
    } finally {
      setLoading(false);
    }
  }, [eventFilter, filters, page, recordId.invalid, recordId.recordId]);

  useEffect(() => void load(), [load, reloadKey]);

  // While runs are queued or running, look again shortly: async runs finish after the write.
  const pending = data.items.some((r) => r.status === 'queued' || r.status === 'running');
  useEffect(() => {
    if (!pending) return;
    const timer = window.setTimeout(() => void load(), 2000);
    return () => window.clearTimeout(timer);
  }, [pending, load]);

  const titleOf = useMemo(
    () => new Map(elements.map((e) => [e.name, e.title || shortOf(e.name)])),
    [elements],
  );
  const setFilter = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage((p) => ({ ...p, current: 1 }));
  };

  const columns: ColumnsType<Execution> = [
    ...(event
      ? []
      : [
          {
            title: t('records.event'),
            dataIndex: 'event',
            width: 160,
            ellipsis: true,
            render: (name: string) => (
              <Tooltip title={name}>{titleOf.get(name) ?? shortOf(name)}</Tooltip>
            ),
          },
        ]),
    {
      title: t('records.recordId'),
      key: 'recordId',
      width: 110,
      render: (_, r) => <span className="mono">{r.recordId ?? r.trigger?.recordId ?? '—'}</span>,
    },
    {
      title: t('records.start'),
      dataIndex: 'startedAt',
      width: 160,
      render: (v: string | null) => formatTime(v),
    },
    {
      title: t('records.end'),
      dataIndex: 'endedAt',
      width: 160,
      render: (v: string | null) => formatTime(v),
    },
    {
      title: t('records.duration'),
      dataIndex: 'durationMs',
      width: 90,
      align: 'right',
      render: (v: number | null) => formatDuration(v, t),
    },
    {
      title: t('records.handler'),
      dataIndex: 'handler',
      width: 170,
      // A service function's name can be long: it is cut to the column, whole on hover.
      render: (handler: string, r) => (
        <Tooltip title={handler}>
          <span className="record-handler">
            <span className="mono">
              {handler === 'inline'
                ? t('records.handlerInline')
                : handler.replace(/^services\./, '')}
            </span>
            {r.mode === 'async' && <Tag className="small-tag">{t('records.async')}</Tag>}
          </span>
        </Tooltip>
      ),
    },
    {
      title: t('records.result'),
      dataIndex: 'status',
      width: 180,
      render: (status: ExecutionStatus, r) => (
        <Space size={2} wrap>
          <StatusTag status={status} testId="record-status" />
          {r.rolledBack && <Tag className="small-tag">{t('records.rolledBack')}</Tag>}
          {r.attempt > 1 && (
            <Tag className="small-tag">{t('records.attempt', { attempt: r.attempt })}</Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('records.errorCode'),
      key: 'errorCode',
      width: 130,
      ellipsis: true,
      render: (_, r) =>
        r.error ? (
          <span className="mono error-text">{r.error.code}</span>
        ) : r.skipReason ? (
          <span className="mono">{r.skipReason}</span>
        ) : (
          ''
        ),
    },
    {
      title: t('records.errorMessage'),
      key: 'errorMessage',
      width: 220,
      ellipsis: { showTitle: false },
      render: (_, r) =>
        r.error ? (
          <Tooltip title={r.error.message} placement="topLeft">
            <span className="error-text">{r.error.message}</span>
          </Tooltip>
        ) : (
          ''
        ),
    },
    {
      title: t('records.timing'),
      dataIndex: 'timing',
      width: 130,
      render: (_: string | null, r: Execution) => runKindLabel(r, t),
    },
    {
      title: t('records.actions'),
      key: 'actions',
      width: 130,
      fixed: 'right',
      render: (_, r) => (
        <Button
          type="link"
          size="small"
          icon={<NodeIndexOutlined />}
          data-testid="record-path"
          onClick={() => onOpenPath(r)}
        >
          {t('records.path')}
        </Button>
      ),
    },
  ];

  const statusOptions = [
    { value: 'all', label: <span data-testid="records-status-all">{t('records.all')}</span> },
    ...EXECUTION_STATUSES.map((s) => ({
      value: s,
      label: <span data-testid={`records-status-${s}`}>{t(`records.status.${s}`)}</span>,
    })),
  ];

  return (
    <div className="records" data-testid="records">
      <div className="records-filters">
        <Segmented
          value={filters.status}
          options={statusOptions}
          onChange={(status) => setFilter({ status: status as Filters['status'] })}
        />
        <div className="grow" />
        <Typography.Text type="secondary">
          {t('records.total', { total: data.total })}
        </Typography.Text>
        <Tooltip title={t('records.refresh')}>
          <Button
            icon={<ReloadOutlined />}
            data-testid="records-refresh"
            onClick={() => void load()}
          />
        </Tooltip>
      </div>
      <div className="records-filters">
        <DatePicker.RangePicker
          showTime
          allowEmpty={[true, true]}
          value={filters.range}
          placeholder={[t('records.start'), t('records.end')]}
          data-testid="records-range"
          style={{ width: 370 }}
          onChange={(range) => setFilter({ range: range as Filters['range'] })}
        />
        {!event && (
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ minWidth: 200 }}
            placeholder={t('records.allEvents')}
            value={filters.event}
            data-testid="records-event"
            // Service calls are runs too (their record's event is the service).
            options={elements
              .filter((e) => e.type === 'event' || e.type === 'service')
              .map((e) => ({ value: e.name, label: e.title || shortOf(e.name) }))}
            onChange={(value: string | undefined) => setFilter({ event: value })}
          />
        )}
        <Input.Search
          allowClear
          style={{ width: 200 }}
          placeholder={t('records.recordId')}
          status={recordId.invalid ? 'error' : undefined}
          data-testid="records-record-id"
          onSearch={(text) => setFilter({ recordId: text })}
        />
        <Input.Search
          allowClear
          style={{ width: 240 }}
          placeholder={t('records.requestId')}
          data-testid="records-request-id"
          onSearch={(text) => setFilter({ requestId: text })}
        />
      </div>
      {recordId.invalid && (
        <Typography.Text type="danger" data-testid="records-record-id-error">
          {t('records.recordIdInvalid')}
        </Typography.Text>
      )}
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      <Table<Execution>
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={data.items}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('records.empty') }}
        onRow={(r) =>
          ({
            'data-testid': 'record-row',
            'data-status': r.status,
            'data-id': r.id,
          }) as React.HTMLAttributes<HTMLElement>
        }
        pagination={{
          current: page.current,
          pageSize: page.size,
          total: data.total,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          onChange: (current, size) => setPage({ current: size === page.size ? current : 1, size }),
        }}
      />
    </div>
  );
}

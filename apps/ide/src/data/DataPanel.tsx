import {
  DeleteOutlined,
  EditOutlined,
  FilterOutlined,
  PlusOutlined,
  ReloadOutlined,
  TableOutlined,
} from '@ant-design/icons';
import type { Condition, Field } from '@whenthen/schema';
import {
  Badge,
  Button,
  type ButtonProps,
  Card,
  Popconfirm,
  Result,
  Space,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType, SorterResult, SortOrder } from 'antd/es/table/interface';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/client';
import { dataApi } from '../api/endpoints';
import type { DataRecord } from '../api/types';
import { useMessage } from '../components/feedback';
import { ConditionModal } from '../conditions/ConditionModal';
import { formatTime, preview } from '../executions/format';
import { useT } from '../i18n';
import { navigate } from '../router/use-route';
import { findModel, useAppStore } from '../stores/app-store';
import { SubmitForApprovalButton, useFlowsOf } from '../approvals/SubmitForApproval';
import { RecordModal } from './RecordModal';
import { useRefLabels } from './use-ref-labels';

/** A model's records: a paginated table with create, edit and delete, each running the model's events. */
export function DataPanel({ model: name }: { model: string }) {
  const t = useT();
  const model = useAppStore((s) => findModel(s.models, name));
  if (!model) return <Result status="404" title={name} subTitle={t('data.noModel')} />;
  return <ModelTable key={name} model={model} />;
}

function ModelTable({ model }: { model: NonNullable<ReturnType<typeof findModel>> }) {
  const t = useT();
  const message = useMessage();
  const [page, setPage] = useState({ current: 1, size: 20 });
  const [orderBy, setOrderBy] = useState<string | undefined>('-id');
  const [where, setWhere] = useState<Condition | null>(null);
  const [filterOpen, setFilterOpen] = useState(false);
  const [data, setData] = useState<{ total: number; items: DataRecord[] }>({ total: 0, items: [] });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ record: DataRecord | null } | null>(null);
  const hasFlows = useFlowsOf(model.name).length > 0;
  const refLabels = useRefLabels(model.fields, data.items);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setData(
        await dataApi.query(model.name, {
          where,
          limit: page.size,
          offset: (page.current - 1) * page.size,
          orderBy,
        }),
      );
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setLoading(false);
    }
  }, [model.name, where, page, orderBy]);
  useEffect(() => void load(), [load]);

  const remove = async (record: DataRecord) => {
    try {
      await dataApi.remove(model.name, record.id);
      message.success(t('data.deleted', { id: record.id }));
      void load();
    } catch (e) {
      const err = e as ApiError;
      message.error({
        content: (
          <span data-testid="data-delete-error">
            {err.message}
            {err.executionId && (
              <Button
                type="link"
                size="small"
                onClick={() => navigate({ page: 'execution', id: err.executionId! })}
              >
                {t('data.openPath')}
              </Button>
            )}
          </span>
        ),
        duration: 8,
      });
    }
  };

  const sortOrder = (field: string): SortOrder =>
    orderBy === field ? 'ascend' : orderBy === `-${field}` ? 'descend' : null;
  const columns: ColumnsType<DataRecord> = [
    {
      title: 'id',
      dataIndex: 'id',
      width: 80,
      fixed: 'left',
      sorter: true,
      sortOrder: sortOrder('id'),
      render: (id: number) => <span className="mono">{id}</span>,
    },
    ...model.fields.map((field) => ({
      title: <span title={field.name}>{field.title || field.name}</span>,
      dataIndex: field.name,
      key: field.name,
      sorter: field.type !== 'json',
      sortOrder: sortOrder(field.name),
      ellipsis: { showTitle: true },
      width: columnWidth(field),
      render: (value: unknown) => (
        <CellValue
          field={field}
          value={value}
          label={refLabels[field.name]?.get(value as number)}
        />
      ),
    })),
    {
      title: '',
      key: 'actions',
      width: hasFlows ? 128 : 96,
      fixed: 'right',
      render: (_, record) => (
        <Space size={0}>
          <SubmitForApprovalButton model={model.name} record={record} onSubmitted={load} />
          <Tooltip title={t('data.edit')}>
            <Button
              type="text"
              size="small"
              icon={<EditOutlined />}
              data-testid={`data-edit-${record.id}`}
              onClick={() => setEditing({ record })}
            />
          </Tooltip>
          <Popconfirm
            title={t('data.deleteConfirm', { id: record.id })}
            okButtonProps={{ danger: true, 'data-testid': 'data-delete-confirm' } as ButtonProps}
            onConfirm={() => remove(record)}
          >
            <Button
              type="text"
              size="small"
              danger
              icon={<DeleteOutlined />}
              data-testid={`data-delete-${record.id}`}
            />
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <div className="page" data-testid="data-panel">
      <div className="page-header">
        <div className="page-title">
          <span className="page-icon">
            <TableOutlined />
          </span>
          <div>
            <Typography.Title level={4} className="page-title-text">
              {t('data.title', { model: model.title })}
            </Typography.Title>
            <Typography.Text type="secondary">
              {model.name} · {t('data.total', { total: data.total })}
            </Typography.Text>
          </div>
        </div>
        <Space>
          <Badge dot={!!where}>
            <Button
              icon={<FilterOutlined />}
              data-testid="data-filter"
              onClick={() => setFilterOpen(true)}
            >
              {where ? t('data.filterActive') : t('data.filter')}
            </Button>
          </Badge>
          <Tooltip title={t('data.refresh')}>
            <Button
              icon={<ReloadOutlined />}
              data-testid="data-refresh"
              onClick={() => void load()}
            />
          </Tooltip>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="data-new"
            onClick={() => setEditing({ record: null })}
          >
            {t('data.new')}
          </Button>
        </Space>
      </div>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      <Card className="page-card" styles={{ body: { padding: 0 } }}>
        <Table<DataRecord>
          rowKey="id"
          size="small"
          loading={loading}
          columns={columns}
          dataSource={data.items}
          scroll={{ x: 'max-content' }}
          onRow={(r) =>
            ({ 'data-testid': `data-row-${r.id}` }) as React.HTMLAttributes<HTMLElement>
          }
          onChange={(_pagination, _filters, sorter) => {
            const s = (Array.isArray(sorter) ? sorter[0] : sorter) as
              SorterResult<DataRecord> | undefined;
            const key = s?.columnKey ?? s?.field;
            setOrderBy(
              s?.order && key ? `${s.order === 'descend' ? '-' : ''}${String(key)}` : undefined,
            );
          }}
          pagination={{
            current: page.current,
            pageSize: page.size,
            total: data.total,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => t('data.total', { total }),
            onChange: (current, size) =>
              setPage({ current: size === page.size ? current : 1, size }),
          }}
        />
      </Card>
      <RecordModal
        model={model}
        record={editing?.record ?? null}
        open={!!editing}
        onClose={() => setEditing(null)}
        onSaved={(saved, created) => {
          setEditing(null);
          message.success(
            created ? t('data.created', { id: saved.id }) : t('data.updated', { id: saved.id }),
          );
          void load();
        }}
      />
      <ConditionModal
        open={filterOpen}
        title={t('data.filter')}
        value={where}
        fields={model.fields}
        onCancel={() => setFilterOpen(false)}
        onOk={(condition) => {
          setFilterOpen(false);
          setWhere(condition);
          setPage((p) => ({ ...p, current: 1 }));
        }}
      />
    </div>
  );
}

function columnWidth(field: Field): number {
  if (field.type === 'boolean') return 90;
  if (field.type === 'number' || field.type === 'integer') return 110;
  if (field.type === 'date') return 120;
  if (field.type === 'datetime') return 180;
  return 180;
}

function CellValue({ field, value, label }: { field: Field; value: unknown; label?: string }) {
  const t = useT();
  if (value === null || value === undefined) return <span className="muted">—</span>;
  if (field.type === 'ref' && label) return <span title={label}>{label}</span>;
  switch (field.type) {
    case 'boolean':
      return <span>{value ? t('data.yes') : t('data.no')}</span>;
    case 'datetime':
      return <span>{formatTime(String(value))}</span>;
    case 'json':
      return <span className="mono">{preview(value, 60)}</span>;
    case 'number':
    case 'integer':
    case 'ref':
      return <span className="mono num">{String(value)}</span>;
    default:
      return <span>{String(value)}</span>;
  }
}

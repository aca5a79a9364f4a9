import {
  AuditOutlined,
  DeleteOutlined,
  FilterOutlined,
  InboxOutlined,
  SaveOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import type { Condition, Operator } from '@whenthen/schema';
import {
  Alert,
  Badge,
  Button,
  Card,
  Col,
  Form,
  Input,
  Row,
  Select,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { ApiError } from '../api/client';
import { elementsApi } from '../api/endpoints';
import type { ElementDocument } from '../api/types';
import { ElementLoadState, useElementDocument, useRemoveElement } from '../pages/element-page';
import { useMessage } from '../components/feedback';
import { ConditionModal } from '../conditions/ConditionModal';
import { describeCondition } from '../conditions/condition-model';
import { useT } from '../i18n';
import { addError, hasErrors, mergeErrors } from '../kinds/errors';
import { FormItem } from '../kinds/FormItem';
import { navigate } from '../router/use-route';
import { findModel, useAppStore } from '../stores/app-store';
import { useUiStore } from '../stores/ui-store';
import { useApprovalData } from './approval-data';
import { FlowDiagram } from './FlowDiagram';
import { flowErrorsOf, flowToSave, freeNodeId, validateFlow } from './flow-draft';
import { createFlowEditorStore, isFlowDirty } from './flow-editor-store';
import { NodeListEditor } from './NodeListEditor';
import './approvals.css';

/** An approval flow's page: target model, condition, the nodes as a list and as a diagram. */
export function ApprovalFlowPage({ name, tabKey }: { name: string; tabKey: string }) {
  const t = useT();
  const message = useMessage();
  const store = useMemo(() => createFlowEditorStore(), []);
  const state = useStore(store);
  const apply = state.apply;
  const models = useAppStore((s) => s.models);
  const summary = useAppStore((s) => s.elements.find((e) => e.name === name));
  const patchElement = useAppStore((s) => s.patchElement);
  const openNewEvent = useUiStore((s) => s.openNewEvent);
  const { users } = useApprovalData();
  const [saving, setSaving] = useState(false);
  const [tried, setTried] = useState(false);
  const [selected, setSelected] = useState<number | null>(null);
  const [conditionOpen, setConditionOpen] = useState(false);

  const dirty = isFlowDirty(state);
  const onLoaded = useCallback((doc: ElementDocument) => apply({ type: 'loaded', doc }), [apply]);
  const { loadError, load } = useElementDocument({ name, tabKey, dirty, onLoaded });

  const { draft, doc } = state;
  const model = findModel(models, draft?.model);
  const checkContext = useMemo(
    () => ({
      users,
      fields: model?.fields ?? null,
      messages: { modelRequired: t('flow.modelRequired'), modelUnknown: t('flow.modelUnknown') },
    }),
    [users, model, t],
  );
  const clientErrors = useMemo(
    () => (draft ? validateFlow(draft, checkContext) : {}),
    [draft, checkContext],
  );
  const errors = mergeErrors(tried ? clientErrors : {}, state.serverErrors);

  const save = useCallback(async () => {
    const current = store.getState();
    if (!current.draft || !current.doc) return;
    setTried(true);
    if (hasErrors(validateFlow(current.draft, checkContext))) return;
    setSaving(true);
    try {
      const updated = await elementsApi.update(
        name,
        flowToSave(current.draft),
        current.doc.version,
      );
      apply({ type: 'loaded', doc: updated });
      setTried(false);
      patchElement(name, { title: String(updated.definition.title ?? ''), problems: [] });
      message.success(t('flow.saved'));
    } catch (error) {
      if (error instanceof ApiError) {
        const errs = flowErrorsOf(error.details);
        if (!hasErrors(errs)) addError(errs, '_', error.message);
        apply({ type: 'saveFailed', errors: errs, stale: error.code === 'STALE' });
      } else apply({ type: 'saveFailed', errors: { _: [(error as Error).message] } });
    } finally {
      setSaving(false);
    }
  }, [apply, checkContext, message, name, patchElement, store, t]);

  const remove = useRemoveElement({
    name,
    page: 'approval',
    confirmTitle: t('flow.deleteConfirm', { name }),
    deletedText: t('event.deleted', { name }),
    confirmTestId: 'flow-delete-confirm',
  });

  // The dialog picks the flow whose page is open (see the approval kind's defaults).
  const newEvent = () => openNewEvent('approval');

  if (loadError || !draft || !doc)
    return (
      <ElementLoadState
        loadError={loadError}
        title={t('event.loadFailed')}
        onRetry={() => void load()}
      />
    );

  const loose = errors._ ?? [];
  const problems = summary?.problems ?? [];
  const fieldLabel = (field: string) => model?.fields.find((f) => f.name === field)?.title || field;
  const conditionText = draft.condition
    ? describeCondition(draft.condition, {
        field: fieldLabel,
        op: (op: Operator) => t(`op.${op}`),
        and: t('cond.summaryAnd'),
        or: t('cond.summaryOr'),
        not: t('cond.summaryNot'),
      })
    : null;

  return (
    <div
      className="page flow-page"
      data-testid="flow-page"
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
          e.preventDefault();
          void save();
        }
      }}
    >
      <div className="page-header">
        <div className="page-title">
          <span className="page-icon">
            <AuditOutlined />
          </span>
          <div>
            <Typography.Title level={4} className="page-title-text" data-testid="flow-page-title">
              {draft.title || name}
            </Typography.Title>
            <Space size={6} className="page-subtitle">
              <Tag>{t('flow.kind')}</Tag>
              <Typography.Text type="secondary" copyable={{ text: name }}>
                {name}
              </Typography.Text>
              <Typography.Text type="secondary">
                · {model?.title ?? draft.model} ·{' '}
                {t('flow.nodeCount', { count: draft.nodes.length })}
              </Typography.Text>
            </Space>
          </div>
        </div>
        <Space>
          <Button icon={<ThunderboltOutlined />} onClick={newEvent} data-testid="flow-new-event">
            {t('flow.newEvent')}
          </Button>
          <Button
            icon={<InboxOutlined />}
            onClick={() => navigate({ page: 'inbox' })}
            data-testid="flow-open-inbox"
          >
            {t('inbox.title')}
          </Button>
          <Tooltip title={t('event.delete')}>
            <Button danger icon={<DeleteOutlined />} data-testid="flow-delete" onClick={remove} />
          </Tooltip>
          <Badge dot={dirty} offset={[-4, 4]}>
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={saving}
              data-testid="flow-save"
              onClick={() => void save()}
            >
              {t('event.save')}
            </Button>
          </Badge>
        </Space>
      </div>

      {state.stale && (
        <Alert
          type="warning"
          showIcon
          className="page-alert"
          title={t('flow.stale')}
          action={
            <Button size="small" onClick={() => void load()}>
              {t('event.reload')}
            </Button>
          }
        />
      )}
      {problems.length > 0 && !dirty && (
        <Alert
          type="error"
          showIcon
          className="page-alert"
          data-testid="flow-problems"
          title={t('event.problems')}
          description={problems.map((p) => `${p.field}: ${p.reason}`).join('\n')}
        />
      )}
      {loose.length > 0 && !state.stale && (
        <Alert
          type="error"
          showIcon
          className="page-alert"
          data-testid="flow-save-error"
          title={loose.join(' · ')}
        />
      )}

      <Row gutter={14} align="top">
        <Col xs={24} xl={14}>
          <Card className="page-card" title={t('event.settings')}>
            <Form layout="vertical" className="settings-form">
              <FormItem label={t('flow.title')} errors={errors.title} testId="flow-title">
                <Input
                  data-testid="flow-title"
                  value={draft.title ?? ''}
                  maxLength={200}
                  placeholder={t('flow.titlePlaceholder')}
                  onChange={(e) => apply({ type: 'title', title: e.target.value })}
                />
              </FormItem>
              <FormItem
                label={t('event.model')}
                errors={errors.model}
                required
                help={t('flow.modelHelp')}
              >
                <Select
                  data-testid="flow-model"
                  value={draft.model || undefined}
                  placeholder={t('event.modelPlaceholder')}
                  showSearch={{ optionFilterProp: 'label' }}
                  options={models.map((m) => ({
                    value: m.name,
                    label: m.title !== m.short ? `${m.title} (${m.short})` : m.short,
                  }))}
                  onChange={(value: string) => apply({ type: 'model', model: value })}
                />
              </FormItem>
              <FormItem
                label={t('flow.condition')}
                errors={errors.condition}
                help={t('flow.conditionHelp')}
              >
                <div className="filter-summary">
                  {conditionText ? (
                    <Typography.Text className="filter-text" data-testid="flow-condition-summary">
                      <FilterOutlined /> {conditionText}
                    </Typography.Text>
                  ) : (
                    <Typography.Text type="secondary">{t('flow.conditionNone')}</Typography.Text>
                  )}
                  <Space size={4}>
                    <Button
                      data-testid="flow-condition-button"
                      disabled={!model}
                      icon={<FilterOutlined />}
                      onClick={() => setConditionOpen(true)}
                    >
                      {conditionText ? t('event.filterEdit') : t('flow.conditionSet')}
                    </Button>
                    {conditionText && (
                      <Button
                        type="link"
                        danger
                        data-testid="flow-condition-clear"
                        onClick={() => apply({ type: 'condition', condition: null })}
                      >
                        {t('event.filterClear')}
                      </Button>
                    )}
                  </Space>
                </div>
              </FormItem>
            </Form>
          </Card>
          <Card className="page-card" title={t('flow.nodes')}>
            <Typography.Paragraph type="secondary" className="node-list-help">
              {t('flow.nodesHelp')}
            </Typography.Paragraph>
            <NodeListEditor
              nodes={draft.nodes}
              keys={state.keys}
              errors={errors}
              users={users}
              fields={model?.fields ?? []}
              selected={selected}
              onSelect={setSelected}
              onUpdate={(index, patch) => apply({ type: 'updateNode', index, patch })}
              onMove={(from, to) => apply({ type: 'moveNode', from, to })}
              onRemove={(index) => {
                apply({ type: 'removeNode', index });
                setSelected(null);
              }}
              onAdd={() => {
                const id = freeNodeId(draft.nodes);
                apply({
                  type: 'addNode',
                  node: {
                    id,
                    title: t('flow.newNodeTitle', { n: draft.nodes.length + 1 }),
                    approvers: [],
                    mode: 'any',
                  },
                });
                setSelected(draft.nodes.length);
              }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card
            className="page-card flow-diagram-card"
            title={t('flow.diagram')}
            extra={<Typography.Text type="secondary">{t('flow.diagramHelp')}</Typography.Text>}
            styles={{ body: { padding: 0 } }}
          >
            <FlowDiagram
              nodes={draft.nodes}
              users={users}
              selected={selected}
              onSelect={setSelected}
            />
          </Card>
        </Col>
      </Row>

      <ConditionModal
        open={conditionOpen}
        title={t('flow.condition')}
        value={draft.condition}
        fields={model?.fields ?? []}
        onCancel={() => setConditionOpen(false)}
        onOk={(condition: Condition | null) => {
          setConditionOpen(false);
          apply({ type: 'condition', condition });
        }}
      />
    </div>
  );
}

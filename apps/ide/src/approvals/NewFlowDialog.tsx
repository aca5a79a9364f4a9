import { AuditOutlined } from '@ant-design/icons';
import type { Approver } from '@whenthen/schema';
import { Alert, Button, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { create } from 'zustand';
import { ApiError } from '../api/client';
import { elementsApi } from '../api/endpoints';
import { useMessage } from '../components/feedback';
import { useT } from '../i18n';
import { addError, hasErrors, mergeErrors } from '../kinds/errors';
import { FormItem } from '../kinds/FormItem';
import { checkIdentifier, identifierMessages, suggestIdentifier } from '../kinds/identifier';
import { navigate } from '../router/use-route';
import { findModel, useAppStore } from '../stores/app-store';
import { useApprovalData } from './approval-data';
import { ApproversSelect } from './ApproversSelect';
import { flowErrorsOf, flowToSave, validateFlow, type FlowDraft } from './flow-draft';
import type { FieldErrors } from '../kinds/types';

/** Whether the "new approval flow" dialog is open (the "+" menu opens it). */
export const useNewFlowDialog = create<{ open: boolean; show: () => void; hide: () => void }>(
  (set) => ({
    open: false,
    show: () => set({ open: true }),
    hide: () => set({ open: false }),
  }),
);

/** Title, identifier, target model and the first node's approvers; OK creates the flow and opens it. */
export function NewFlowDialog() {
  const open = useNewFlowDialog((s) => s.open);
  const hide = useNewFlowDialog((s) => s.hide);
  const t = useT();
  return (
    <Modal
      open={open}
      title={<span data-testid="new-flow-heading">{t('newFlow.title')}</span>}
      width={700}
      footer={null}
      destroyOnHidden
      mask={{ closable: false }}
      onCancel={hide}
    >
      {open && <NewFlowForm onClose={hide} />}
    </Modal>
  );
}

function NewFlowForm({ onClose }: { onClose: () => void }) {
  const t = useT();
  const message = useMessage();
  const models = useAppStore((s) => s.models);
  const elements = useAppStore((s) => s.elements);
  const refresh = useAppStore((s) => s.refresh);
  const { users } = useApprovalData();
  const existing = useMemo(() => elements.map((e) => e.name), [elements]);
  const [title, setTitle] = useState('');
  const [name, setName] = useState('');
  const [nameEdited, setNameEdited] = useState(false);
  const [model, setModel] = useState<string | undefined>(models[0]?.name);
  const [approvers, setApprovers] = useState<Approver[]>([]);
  const [tried, setTried] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const modelInfo = findModel(models, model);

  useEffect(() => {
    if (nameEdited) return;
    setName(
      suggestIdentifier(
        title,
        'Flow',
        (n) => checkIdentifier(n, 'approvals', existing) === 'taken',
      ),
    );
  }, [title, nameEdited, existing]);

  const draft: FlowDraft = {
    type: 'approval',
    title,
    model: model ?? '',
    nodes: [{ id: 'step1', title: t('flow.newNodeTitle', { n: 1 }), approvers, mode: 'any' }],
  };
  const nameErrors = identifierMessages(name, 'approvals', existing, tried, t);
  const clientErrors = validateFlow(draft, {
    users,
    fields: modelInfo?.fields ?? null,
    messages: { modelRequired: t('flow.modelRequired'), modelUnknown: t('flow.modelUnknown') },
  });
  if (!title.trim()) addError(clientErrors, 'title', t('newFlow.titleRequired'));
  const shown = mergeErrors(tried ? clientErrors : {}, serverErrors);
  const approverErrors = [...(shown['nodes.0.approvers'] ?? []), ...(shown.nodes ?? [])];

  const submit = async () => {
    setTried(true);
    if (hasErrors(clientErrors) || checkIdentifier(name, 'approvals', existing) !== 'ok') return;
    setSaving(true);
    const full = `approvals.${name}`;
    try {
      await elementsApi.create(full, flowToSave(draft));
      message.success(t('newEvent.created', { name: full }));
      await refresh();
      onClose();
      navigate({ page: 'approval', name: full });
    } catch (error) {
      if (error instanceof ApiError) {
        const errors = flowErrorsOf(error.details.filter((d) => d.field !== 'name'));
        for (const d of error.details) if (d.field === 'name') addError(errors, 'name', d.reason);
        if (error.code === 'ALREADY_EXISTS') addError(errors, 'name', error.message);
        else if (!hasErrors(errors)) addError(errors, '_', error.message);
        setServerErrors(errors);
      } else setServerErrors({ _: [(error as Error).message] });
    } finally {
      setSaving(false);
    }
  };

  const loose = [
    ...(shown._ ?? []),
    ...(shown['nodes.0.id'] ?? []),
    ...(shown['nodes.0.title'] ?? []),
  ];
  return (
    <Form
      layout="horizontal"
      labelCol={{ flex: '150px' }}
      labelWrap
      colon={false}
      className="event-form"
      data-testid="new-flow-dialog"
      onFinish={submit}
    >
      <Typography.Paragraph type="secondary" className="dialog-lead">
        <AuditOutlined /> {t('newFlow.lead')}
      </Typography.Paragraph>
      {loose.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="new-flow-error"
          title={loose.join(' · ')}
          style={{ marginBottom: 16 }}
        />
      )}
      <FormItem
        label={t('newEvent.displayTitle')}
        errors={shown.title}
        required
        testId="new-flow-title"
      >
        <Input
          data-testid="new-flow-title"
          value={title}
          maxLength={200}
          placeholder={t('newFlow.titlePlaceholder')}
          onChange={(e) => {
            setTitle(e.target.value);
            setServerErrors({});
          }}
        />
      </FormItem>
      <FormItem
        label={t('newEvent.identifier')}
        errors={[...nameErrors, ...(shown.name ?? [])]}
        help={t('newEvent.identifierHelp')}
        required
        testId="new-flow-name"
      >
        <Space.Compact block>
          <Space.Addon>approvals.</Space.Addon>
          <Input
            data-testid="new-flow-name"
            value={name}
            maxLength={64}
            status={nameErrors.length || shown.name?.length ? 'error' : undefined}
            onChange={(e) => {
              setNameEdited(true);
              setName(e.target.value.trim());
              setServerErrors({});
            }}
          />
        </Space.Compact>
      </FormItem>
      <FormItem label={t('event.model')} errors={shown.model} required help={t('flow.modelHelp')}>
        <Select
          data-testid="new-flow-model"
          value={model}
          placeholder={t('event.modelPlaceholder')}
          showSearch={{ optionFilterProp: 'label' }}
          options={models.map((m) => ({
            value: m.name,
            label: m.title !== m.short ? `${m.title} (${m.short})` : m.short,
          }))}
          onChange={(value: string) => {
            setModel(value);
            setApprovers((list) => list.filter((a) => typeof a === 'string'));
            setServerErrors({});
          }}
        />
      </FormItem>
      <FormItem
        label={t('newFlow.firstApprovers')}
        errors={approverErrors}
        required
        help={t('newFlow.firstApproversHelp')}
      >
        <ApproversSelect
          testId="new-flow-approvers"
          value={approvers}
          users={users}
          fields={modelInfo?.fields ?? []}
          status={approverErrors.length ? 'error' : undefined}
          onChange={(list) => {
            setApprovers(list);
            setServerErrors({});
          }}
        />
      </FormItem>
      <div className="modal-footer">
        <Space>
          <Button onClick={onClose} data-testid="new-flow-cancel">
            {t('newEvent.cancel')}
          </Button>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="new-flow-ok">
            {t('newEvent.ok')}
          </Button>
        </Space>
      </div>
    </Form>
  );
}

import { LockOutlined } from '@ant-design/icons';
import {
  APPROVAL_ACTIONS,
  APPROVAL_STATUSES,
  APPROVAL_TIMINGS,
  type ApprovalTiming,
} from '@whenthen/schema';
import { Select, Tooltip } from 'antd';
import { useEffect } from 'react';
import { useApprovalData } from '../../approvals/approval-data';
import { FormItem } from '../FormItem';
import { fieldTestId } from '../test-ids';
import type { KindFieldsProps } from '../types';
import { normaliseApprovalDraft, optionsOf, type ApprovalEventDraft } from './approval-draft';

/** The approval event's part of the new-event dialog and the event page form. */
export function ApprovalEventFields({
  draft: raw,
  onChange,
  errors,
  mode,
  context,
}: KindFieldsProps) {
  const { t } = context;
  const draft = raw as ApprovalEventDraft;
  const { flows } = useApprovalData();
  const flow = flows.find((f) => f.name === draft.flow);
  const fixed = mode === 'edit';
  const tid = (name: string) => fieldTestId(mode, name);
  const update = (patch: Partial<ApprovalEventDraft>) =>
    onChange(normaliseApprovalDraft(draft, { ...draft, ...patch }));

  // The flows load after the dialog opens; the first one is the natural default.
  const firstFlow = flows[0]?.name;
  useEffect(() => {
    if (mode === 'create' && !draft.flow && firstFlow) onChange({ flow: firstFlow });
  }, [mode, draft.flow, firstFlow, onChange]);

  const lock = fixed ? (
    <Tooltip title={t('event.fixedAfterCreate')}>
      <LockOutlined className="muted" />
    </Tooltip>
  ) : null;
  const options = optionsOf(draft.timing);
  const statusOptions = APPROVAL_STATUSES.map((s) => ({
    value: s,
    label: <span data-testid={`status-option-${s}`}>{t(`approval.status.${s}`)}</span>,
  }));

  return (
    <>
      <FormItem label={t('approvalEvent.flow')} errors={errors.flow} required extra={lock}>
        <Select
          data-testid={tid('flow')}
          disabled={fixed}
          placeholder={t('approvalEvent.flowPlaceholder')}
          value={draft.flow}
          notFoundContent={t('approvalEvent.noFlows')}
          showSearch={{ optionFilterProp: 'title' }}
          options={flows.map((f) => ({
            value: f.name,
            title: `${f.title} ${f.short}`,
            label: f.title !== f.short ? `${f.title} (${f.short})` : f.short,
          }))}
          onChange={(name: string) => update({ flow: name })}
        />
      </FormItem>
      <FormItem
        label={t('event.timing')}
        errors={errors.timing}
        required
        extra={lock}
        help={draft.timing ? t(`approvalEvent.help.${draft.timing}`) : undefined}
      >
        <Select
          data-testid={tid('timing')}
          disabled={fixed}
          value={draft.timing}
          options={APPROVAL_TIMINGS.map((timing: ApprovalTiming) => ({
            value: timing,
            label: <span data-testid={`timing-option-${timing}`}>{t(`timing.${timing}`)}</span>,
          }))}
          onChange={(timing: ApprovalTiming) => update({ timing })}
        />
      </FormItem>
      {options.includes('fromStatuses') && (
        <FormItem
          label={t('approvalEvent.fromStatuses')}
          errors={errors.fromStatuses}
          help={t('approvalEvent.fromStatusesHelp')}
        >
          <Select
            data-testid={tid('from-statuses')}
            mode="multiple"
            allowClear
            placeholder={t('approvalEvent.anyStatus')}
            value={draft.fromStatuses ?? []}
            options={statusOptions}
            onChange={(fromStatuses) => update({ fromStatuses })}
          />
        </FormItem>
      )}
      {options.includes('toStatuses') && (
        <FormItem label={t('approvalEvent.toStatuses')} errors={errors.toStatuses}>
          <Select
            data-testid={tid('to-statuses')}
            mode="multiple"
            allowClear
            placeholder={t('approvalEvent.anyStatus')}
            value={draft.toStatuses ?? []}
            options={statusOptions}
            onChange={(toStatuses) => update({ toStatuses })}
          />
        </FormItem>
      )}
      {options.includes('nodes') && (
        <FormItem
          label={t('approvalEvent.nodes')}
          errors={errors.nodes}
          help={t('approvalEvent.nodesHelp')}
        >
          <Select
            data-testid={tid('nodes')}
            mode="multiple"
            allowClear
            disabled={!flow}
            placeholder={t('approvalEvent.anyNode')}
            value={draft.nodes ?? []}
            options={(flow?.nodes ?? []).map((n, i) => ({
              value: n.id,
              label: (
                <span data-testid={`node-option-${n.id}`}>
                  {i + 1}. {n.title || n.id}
                  {n.title ? <span className="muted"> · {n.id}</span> : null}
                </span>
              ),
            }))}
            onChange={(nodes: string[]) => update({ nodes })}
          />
        </FormItem>
      )}
      {options.includes('actions') && (
        <FormItem label={t('approvalEvent.actions')} errors={errors.actions}>
          <Select
            data-testid={tid('actions')}
            mode="multiple"
            allowClear
            placeholder={t('approvalEvent.anyAction')}
            value={draft.actions ?? []}
            options={APPROVAL_ACTIONS.map((a) => ({
              value: a,
              label: <span data-testid={`action-option-${a}`}>{t(`approval.action.${a}`)}</span>,
            }))}
            onChange={(actions) => update({ actions })}
          />
        </FormItem>
      )}
    </>
  );
}

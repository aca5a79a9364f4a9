import { fieldTsType } from '../../monaco/app-typings';
import type { FlowInfo } from '../../approvals/approval-data';
import { findModel } from '../../stores/app-store';
import type { HandlerPayload, PayloadField } from '../payload';
import type { KindContext } from '../types';
import type { ApprovalEventDraft } from './approval-draft';

const STATUS = "'pending' | 'approved' | 'rejected' | 'withdrawn'";
const ACTION = "'submit' | 'approve' | 'reject' | 'transfer' | 'withdraw'";

/**
 * An approval event's payload (DESIGN §4): the flow, the instance after the action, the record
 * (typed from the flow's model), status and node before and after, and the action.
 */
export function approvalPayload(
  draft: ApprovalEventDraft,
  context: KindContext,
  flows: readonly FlowInfo[],
): HandlerPayload {
  const { t } = context;
  const flow = flows.find((f) => f.name === draft.flow);
  const model = findModel(context.models, flow?.model);
  const short = model?.short ?? (flow?.model || 'models.Record').replace(/^models\./, '');
  const timing = draft.timing ?? 'statusChanged';
  const nodeIds = flow?.nodes.length
    ? `${flow.nodes.map((n) => JSON.stringify(n.id)).join(' | ')} | null`
    : 'string | null';
  const record: PayloadField = {
    path: ['record'],
    label: t('approvalEvent.payloadRecord'),
    type: `Models.${short} | null`,
    children: [
      { path: ['record', 'id'], label: 'id', type: 'number' },
      ...(model?.fields ?? []).map((field) => ({
        path: ['record', field.name],
        label: field.title ?? field.name,
        type: fieldTsType(field),
      })),
    ],
  };
  return {
    type: `ApprovalEvent<Models.${short}, '${timing}'>`,
    title: t('approvalEvent.payloadTitle', {
      flow: flow?.title ?? draft.flow ?? '?',
      timing: t(`timing.${timing}`),
    }),
    returns: 'Promise<void>',
    fields: [
      record,
      { path: ['status'], label: 'status', type: STATUS },
      { path: ['prevStatus'], label: 'prevStatus', type: `${STATUS} | null` },
      { path: ['node'], label: 'node', type: nodeIds },
      { path: ['prevNode'], label: 'prevNode', type: nodeIds },
      {
        path: ['action'],
        label: t('approvalEvent.payloadAction'),
        type: '{ type; user; comment; to? }',
        children: [
          { path: ['action', 'type'], label: 'type', type: ACTION },
          { path: ['action', 'user'], label: 'user', type: 'string' },
          { path: ['action', 'comment'], label: 'comment', type: 'string | null' },
          { path: ['action', 'to'], label: 'to', type: 'string | undefined' },
        ],
      },
      {
        path: ['instance'],
        label: t('approvalEvent.payloadInstance'),
        type: 'ApprovalInstance',
        children: [
          { path: ['instance', 'id'], label: 'id', type: 'number' },
          { path: ['instance', 'recordId'], label: 'recordId', type: 'number' },
          { path: ['instance', 'submittedBy'], label: 'submittedBy', type: 'string' },
          { path: ['instance', 'assignees'], label: 'assignees', type: 'string[]' },
        ],
      },
      { path: ['flow'], label: 'flow', type: 'string' },
      { path: ['id'], label: t('blocks.payloadId'), type: 'string' },
      { path: ['requestId'], label: 'requestId', type: 'string' },
      { path: ['depth'], label: 'depth', type: 'number' },
    ],
  };
}

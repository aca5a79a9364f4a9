import { AuditOutlined } from '@ant-design/icons';
import type { ApprovalTiming } from '@whenthen/schema';
import { useApprovalStore } from '../../approvals/approval-data';
import { parseRoute } from '../../router/routes';
import type { EventKindUnit } from '../types';
import {
  APPROVAL_FORM_KEYS,
  validateApprovalDraft,
  type ApprovalEventDraft,
} from './approval-draft';
import { ApprovalEventFields } from './ApprovalEventFields';
import { approvalPayload } from './approval-payload';

const STARTER_BODY: Record<ApprovalTiming, string> = {
  statusChanged: [
    '  // event.status is the instance’s status now, event.prevStatus before the action',
    '  // (null on submit); event.record is the record as stored.',
    "  app.log('approval', event.prevStatus, '->', event.status, 'by', event.action.user);",
  ].join('\n'),
  nodeChanged: [
    '  // event.node is the node the instance reached (null once it ended), event.prevNode where it was.',
    "  app.log('approval moved', event.prevNode, '->', event.node);",
  ].join('\n'),
  afterAction: [
    '  // Runs after every action on the flow (or the actions chosen); event.action says who did what.',
    "  app.log('approval action', event.action.type, 'by', event.action.user, event.action.comment);",
  ].join('\n'),
};

const flows = () => useApprovalStore.getState().flows;

/** Approval events: an approval flow's status changing, the flow reaching a node, any action on it. */
export const approvalEventKind: EventKindUnit = {
  kind: 'approval',
  titleKey: 'kind.approval',
  helpKey: 'kind.approval.help',
  dialogTitleKey: 'kind.approval.new',
  icon: <AuditOutlined />,
  defaults: () => {
    // Opened from a flow's page, the event is for that flow; otherwise for the first one.
    const route = parseRoute(window.location.hash);
    const open = route.page === 'approval' ? route.name : undefined;
    return { flow: open ?? flows()[0]?.name, timing: 'statusChanged' };
  },
  starterCode: (raw) => {
    const draft = raw as ApprovalEventDraft;
    const flow = flows().find((f) => f.name === draft.flow);
    const model = (flow?.model || 'models.Record').replace(/^models\./, '');
    const timing = draft.timing ?? 'statusChanged';
    return [
      `export default async function (event: ApprovalEvent<Models.${model}, '${timing}'>, app: App) {`,
      STARTER_BODY[timing],
      '}',
      '',
    ].join('\n');
  },
  validate: (draft, context) =>
    validateApprovalDraft(draft as ApprovalEventDraft, context, flows()),
  asyncAllowed: () => true,
  describe: (raw, { t }) => {
    const draft = raw as ApprovalEventDraft;
    const flow = flows().find((f) => f.name === draft.flow);
    const flowTitle = flow?.title ?? draft.flow?.replace(/^approvals\./, '') ?? '?';
    return `${flowTitle} · ${draft.timing ? t(`timing.${draft.timing}`) : '?'}`;
  },
  formKeys: APPROVAL_FORM_KEYS,
  Fields: ApprovalEventFields,
  payload: (draft, context) => approvalPayload(draft as ApprovalEventDraft, context, flows()),
};

import { describe, expect, it } from 'vitest';
import type { FlowInfo } from '../../approvals/approval-data';
import { translator } from '../../i18n';
import type { KindContext } from '../types';
import {
  normaliseApprovalDraft,
  validateApprovalDraft,
  type ApprovalEventDraft,
} from './approval-draft';

const context: KindContext = { models: [], services: [], t: translator('en') };
const discount: FlowInfo = {
  name: 'approvals.Discount',
  short: 'Discount',
  title: 'Discount approval',
  model: 'models.Order',
  condition: null,
  nodes: [
    { id: 'manager', approvers: ['ann'], mode: 'any' },
    { id: 'finance', approvers: ['bob'], mode: 'all' },
  ],
  problems: [],
};
const draft = (over: Partial<ApprovalEventDraft> = {}): ApprovalEventDraft => ({
  type: 'event',
  kind: 'approval',
  title: 'On approved',
  handler: { type: 'inline' },
  async: false,
  order: 100,
  enabled: false,
  flow: 'approvals.Discount',
  timing: 'statusChanged',
  ...over,
});

describe('approval event drafts', () => {
  it('ask for the service function in words, not as the schema’s name pattern', () => {
    const unchosen = draft({ handler: { type: 'service', service: '', function: '' } });
    expect(validateApprovalDraft(unchosen, context, [discount])).toEqual({
      handler: ['Choose the service function that handles the event.'],
    });
  });

  it('accept a flow, a timing and that timing’s options', () => {
    expect(validateApprovalDraft(draft({ toStatuses: ['approved'] }), context, [discount])).toEqual(
      {},
    );
    expect(
      validateApprovalDraft(draft({ timing: 'nodeChanged', nodes: ['finance'] }), context, [
        discount,
      ]),
    ).toEqual({});
  });

  it('refuse a missing or unknown flow and nodes the flow does not have', () => {
    expect(validateApprovalDraft(draft({ flow: undefined }), context, [discount]).flow).toEqual([
      'Choose the approval flow this event listens to.',
    ]);
    expect(
      validateApprovalDraft(draft({ flow: 'approvals.Nope' }), context, [discount]).flow,
    ).toEqual(['approvals.Nope does not exist (any more).']);
    expect(
      validateApprovalDraft(draft({ timing: 'nodeChanged', nodes: ['legal'] }), context, [discount])
        .nodes,
    ).toEqual(['approvals.Discount has no node "legal"; it has manager, finance']);
  });

  it('refuse an option of another timing, as the server does', () => {
    expect(
      validateApprovalDraft(draft({ timing: 'afterAction', nodes: ['manager'] }), context, [
        discount,
      ]).nodes,
    ).toEqual(['nodes applies to nodeChanged only']);
  });

  it('drop the options of other timings, empty lists and a new flow’s old nodes', () => {
    const prev = draft({ timing: 'nodeChanged', nodes: ['manager'] });
    const timingChanged = normaliseApprovalDraft(prev, {
      ...prev,
      timing: 'afterAction',
      actions: [],
    });
    expect(timingChanged.nodes).toBeUndefined();
    expect(timingChanged.actions).toBeUndefined();
    const flowChanged = normaliseApprovalDraft(prev, { ...prev, flow: 'approvals.Other' });
    expect(flowChanged.nodes).toBeUndefined();
    const kept = normaliseApprovalDraft(prev, { ...prev, title: 'x' });
    expect(kept.nodes).toEqual(['manager']);
  });
});

import {
  APPROVAL_TIMINGS,
  type ApprovalAction,
  type ApprovalEventDefinition,
  type ApprovalStatus,
} from '@whenthen/schema';
import type { ActiveEvent, Application } from '../app/application.js';
import type { Occurrence } from '../events/dispatch.js';
import type { ApprovalInstance } from './approval-store.js';

/** What approval events see of one action on an instance. */
export type ApprovalChange = {
  flow: string;
  instance: ApprovalInstance;
  record: Record<string, unknown> | null;
  prevStatus: ApprovalStatus | null;
  prevNode: string | null;
  action: { type: ApprovalAction; user: string; comment: string | null; to?: string };
};

export type ActiveApprovalEvent = ActiveEvent<ApprovalEventDefinition>;

/** The flow's events of all three timings, merged in run order (an action may set off one of each). */
export function approvalEventsOf(app: Application, flow: string): ActiveApprovalEvent[] {
  return APPROVAL_TIMINGS.flatMap(
    (t) => app.subscribers(`approval:${flow}#${t}`) as ActiveApprovalEvent[],
  ).sort((a, b) => a.definition.order - b.definition.order || a.name.localeCompare(b.name));
}

/**
 * Whether an enabled approval event fires for an action: statusChanged only on a real status change
 * (submit is none → pending) within its from/to statuses; nodeChanged only when the node changes,
 * and with `nodes` only on arrival at one of them; afterAction on every action of its `actions`.
 */
export function fires(ev: ActiveApprovalEvent, change: ApprovalChange): boolean {
  const def = ev.definition;
  if (!def.enabled) return false;
  const { status, node } = change.instance;
  switch (def.timing) {
    case 'statusChanged':
      if (change.prevStatus === status) return false;
      if (
        def.fromStatuses?.length &&
        (change.prevStatus === null || !def.fromStatuses.includes(change.prevStatus))
      )
        return false;
      return !def.toStatuses?.length || def.toStatuses.includes(status);
    case 'nodeChanged':
      if (change.prevNode === node) return false;
      return !def.nodes?.length || (node !== null && def.nodes.includes(node));
    case 'afterAction':
      return !def.actions?.length || def.actions.includes(change.action.type);
  }
}

/** The occurrence for one subscriber; the payload is DESIGN §4's, besides `id`, `requestId`, `depth`. */
export function approvalOccurrence(ev: ActiveApprovalEvent, change: ApprovalChange): Occurrence {
  const { instance } = change;
  return {
    timing: ev.definition.timing,
    trigger: {
      flow: change.flow,
      instanceId: instance.id,
      action: change.action.type,
      model: instance.model,
      recordId: instance.recordId,
    },
    // Re-entry is judged per instance: an event acting on its own instance does not set itself off again.
    recordKey: `${change.flow}:${instance.id}`,
    recordId: instance.recordId,
    payload: {
      flow: change.flow,
      timing: ev.definition.timing,
      instance,
      record: change.record,
      status: instance.status,
      prevStatus: change.prevStatus,
      node: instance.node,
      prevNode: change.prevNode,
      action: change.action,
    },
  };
}

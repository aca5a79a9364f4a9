import {
  APPROVAL_TIMING_OPTIONS,
  approvalEventSchema,
  type ApprovalAction,
  type ApprovalStatus,
  type ApprovalTiming,
} from '@whenthen/schema';
import type { FlowInfo } from '../../approvals/approval-data';
import { stripEmpty } from '../draft';
import { addError, errorsByKey, mergeErrors } from '../errors';
import { handlerIncomplete, validateHandler } from '../handler/handler-draft';
import type { EventDraft, FieldErrors, KindContext } from '../types';

/** The approval kind's keys of an event draft. */
export type ApprovalEventDraft = EventDraft & {
  flow?: string;
  timing?: ApprovalTiming;
  fromStatuses?: ApprovalStatus[];
  toStatuses?: ApprovalStatus[];
  nodes?: string[];
  actions?: ApprovalAction[];
};

export type TimingOption = 'fromStatuses' | 'toStatuses' | 'nodes' | 'actions';
const ALL_OPTIONS: readonly TimingOption[] = ['fromStatuses', 'toStatuses', 'nodes', 'actions'];

export const APPROVAL_FORM_KEYS = ['flow', 'timing', ...ALL_OPTIONS] as const;
const COMMON_KEYS = ['title', 'tags', 'handler', 'async', 'order', 'timeoutMs', 'retry', 'enabled'];

export const optionsOf = (timing: ApprovalTiming | undefined): readonly TimingOption[] =>
  timing ? APPROVAL_TIMING_OPTIONS[timing] : [];

/**
 * Keeps a draft consistent: each timing keeps only its own options (the server refuses the others),
 * a new flow drops the nodes of the old one, empty option lists are left out (= any), and retry
 * goes with async.
 */
export function normaliseApprovalDraft(
  prev: ApprovalEventDraft,
  next: ApprovalEventDraft,
): ApprovalEventDraft {
  // Dropped keys are set to undefined, not deleted: the forms merge the result into the draft.
  const out: ApprovalEventDraft = { ...next };
  const own = optionsOf(out.timing);
  if (prev.flow !== next.flow) out.nodes = undefined;
  for (const key of ALL_OPTIONS) if (!own.includes(key) || !out[key]?.length) out[key] = undefined;
  if (!out.async) out.retry = undefined;
  return out;
}

/**
 * Checks an approval event the way the server will: the schema, the flow exists (and loaded without
 * problems), the nodes are nodes of that flow.
 */
export function validateApprovalDraft(
  draft: ApprovalEventDraft,
  context: KindContext,
  flows: readonly FlowInfo[],
): FieldErrors {
  const { t } = context;
  const errors: FieldErrors = {};
  if (!draft.flow) addError(errors, 'flow', t('approvalEvent.flowRequired'));
  if (!draft.timing) addError(errors, 'timing', t('event.timingRequired'));
  const flow = flows.find((f) => f.name === draft.flow);
  if (draft.flow && !flow)
    addError(errors, 'flow', t('approvalEvent.flowUnknown', { name: draft.flow }));
  else if (flow?.problems.length)
    addError(errors, 'flow', t('approvalEvent.flowProblems', { name: flow.name }));
  if (flow)
    for (const id of draft.nodes ?? [])
      if (!flow.nodes.some((n) => n.id === id))
        addError(
          errors,
          'nodes',
          `${flow.name} has no node "${id}"; it has ${flow.nodes.map((n) => n.id).join(', ')}`,
        );
  const parsed = approvalEventSchema.safeParse(stripEmpty(draft));
  const schemaErrors = parsed.success
    ? {}
    : errorsByKey(
        parsed.error.issues
          // "required" problems of flow/timing and an unchosen service function are already said
          // in the user's language
          .filter(
            (i) =>
              !(
                i.path.length === 1 &&
                (i.path[0] === 'flow' || i.path[0] === 'timing') &&
                !draft[i.path[0]]
              ) && !(i.path[0] === 'handler' && handlerIncomplete(draft.handler)),
          )
          .map((i) => ({ field: i.path.join('.') || '(root)', reason: i.message })),
        [...APPROVAL_FORM_KEYS, ...COMMON_KEYS],
      );
  return mergeErrors(errors, validateHandler(draft.handler, t), schemaErrors);
}

import {
  BEFORE_TIMINGS,
  checkCondition,
  MODEL_TIMINGS,
  modelEventSchema,
  UPDATE_TIMINGS,
  type Condition,
  type ModelTiming,
} from '@whenthen/schema';
import { findModel } from '../../stores/app-store';
import { addError, errorsByKey, mergeErrors } from '../errors';
import { stripEmpty } from '../draft';
import { handlerIncomplete, validateHandler } from '../handler/handler-draft';
import type { EventDraft, FieldErrors, KindContext } from '../types';

/** The model kind's keys of an event draft. */
export type ModelEventDraft = EventDraft & {
  model?: string;
  timing?: ModelTiming;
  /** Absent in a hand-written e.json that leaves it out (= any field). */
  fields?: string[];
  filter?: Condition | null;
  filterMode: 'matches' | 'becomesMatching';
};

export const MODEL_FORM_KEYS = ['model', 'timing', 'fields', 'filter', 'filterMode'] as const;
const COMMON_KEYS = ['title', 'tags', 'handler', 'async', 'order', 'timeoutMs', 'retry', 'enabled'];

export const isUpdateTiming = (timing: ModelTiming | undefined) =>
  !!timing && UPDATE_TIMINGS.includes(timing);
export const isBeforeTiming = (timing: ModelTiming | undefined) =>
  !!timing && BEFORE_TIMINGS.includes(timing);
export const isTiming = (value: unknown): value is ModelTiming =>
  MODEL_TIMINGS.includes(value as ModelTiming);

/**
 * Keeps a draft consistent after a change of model or timing: trigger fields and "becomes matching"
 * exist for update timings only, before timings are always sync, a new model drops the old fields.
 */
export function normaliseModelDraft(prev: ModelEventDraft, next: ModelEventDraft): ModelEventDraft {
  let out = next;
  if (prev.model !== next.model) out = { ...out, fields: [], filter: null, filterMode: 'matches' };
  if (!isUpdateTiming(out.timing)) out = { ...out, fields: [], filterMode: 'matches' };
  if (isBeforeTiming(out.timing) && out.async) out = { ...out, async: false };
  if (!out.async && out.retry) {
    const { retry: _retry, ...rest } = out;
    out = rest as ModelEventDraft;
  }
  return out;
}

/** Checks a model event the way the server will (same zod schema and condition rules). */
export function validateModelDraft(draft: ModelEventDraft, context: KindContext): FieldErrors {
  const { t } = context;
  const errors: FieldErrors = {};
  const model = findModel(context.models, draft.model);
  if (!draft.model) addError(errors, 'model', t('event.modelRequired'));
  if (!draft.timing) addError(errors, 'timing', t('event.timingRequired'));
  if (model) {
    const names = new Set(model.fields.map((f) => f.name));
    for (const f of draft.fields ?? [])
      if (!names.has(f)) addError(errors, 'fields', `unknown field "${f}"`);
    if (draft.filter) {
      const checked = checkCondition(draft.filter, model.fields, 'filter');
      if (!checked.ok)
        for (const p of checked.problems) addError(errors, 'filter', `${p.field}: ${p.reason}`);
    }
  }
  const parsed = modelEventSchema.safeParse(stripEmpty(draft));
  const schemaErrors = parsed.success
    ? {}
    : errorsByKey(
        parsed.error.issues
          // "required" problems of model/timing and an unchosen service function are already said
          // in the user's language
          .filter(
            (i) =>
              !(
                i.path.length === 1 &&
                (i.path[0] === 'model' || i.path[0] === 'timing') &&
                !draft[i.path[0]]
              ) && !(i.path[0] === 'handler' && handlerIncomplete(draft.handler)),
          )
          .map((i) => ({ field: i.path.join('.') || '(root)', reason: i.message })),
        [...MODEL_FORM_KEYS, ...COMMON_KEYS],
      );
  return mergeErrors(errors, validateHandler(draft.handler, t), schemaErrors);
}

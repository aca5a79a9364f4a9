import type { ModelTiming } from '@whenthen/schema';
import { fieldTsType } from '../../monaco/app-typings';
import { findModel } from '../../stores/app-store';
import type { HandlerPayload, PayloadField } from '../payload';
import type { KindContext } from '../types';
import type { ModelEventDraft } from './model-draft';

const CREATES: readonly ModelTiming[] = ['beforeCreate', 'afterCreate'];
const DELETES: readonly ModelTiming[] = ['beforeDelete', 'afterDelete'];

/**
 * A model event's payload (DESIGN §4): `next` on create and update, `prev` on update and delete,
 * both on afterWrite, typed from the model's fields.
 */
export function modelPayload(draft: ModelEventDraft, context: KindContext): HandlerPayload {
  const model = findModel(context.models, draft.model);
  const short = model?.short ?? (draft.model ?? 'models.Record').replace(/^models\./, '');
  const timing = draft.timing ?? 'afterCreate';
  const record = (key: 'prev' | 'next', label: string): PayloadField => ({
    path: [key],
    label,
    type: `Models.${short}`,
    children: [
      { path: [key, 'id'], label: 'id', type: 'number' },
      ...(model?.fields ?? []).map((field) => ({
        path: [key, field.name],
        label: field.title ?? field.name,
        type: fieldTsType(field),
      })),
    ],
  });
  const hasNext = !DELETES.includes(timing);
  const hasPrev = !CREATES.includes(timing);
  const { t } = context;
  return {
    type: `ModelEvent<Models.${short}, '${timing}'>`,
    title: t('blocks.payloadModel', {
      model: model?.title ?? short,
      timing: t(`timing.${timing}`),
    }),
    returns: 'Promise<void>',
    fields: [
      ...(hasNext ? [record('next', t('blocks.payloadNext'))] : []),
      ...(hasPrev ? [record('prev', t('blocks.payloadPrev'))] : []),
      { path: ['changed'], label: t('blocks.payloadChanged'), type: 'string[]' },
      { path: ['op'], label: t('blocks.payloadOp'), type: "'create' | 'update' | 'delete'" },
      { path: ['id'], label: t('blocks.payloadId'), type: 'string' },
      { path: ['requestId'], label: 'requestId', type: 'string' },
      { path: ['depth'], label: 'depth', type: 'number' },
      {
        path: ['batch'],
        label: 'batch',
        type: '{ index: number; count: number; ids: number[] } | null',
      },
    ],
  };
}

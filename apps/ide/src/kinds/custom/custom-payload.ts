import type { HandlerPayload } from '../payload';
import type { KindContext } from '../types';
import { declaredEvents, type CustomEventDraft } from './custom-draft';

/** A custom event's payload (DESIGN §4): the sender and the publisher's args, plus the ids. */
export function customPayload(draft: CustomEventDraft, context: KindContext): HandlerPayload {
  const sender = draft.sender ?? 'services.Service.event';
  const declared = declaredEvents(context.services).find((e) => e.sender === sender);
  const { t } = context;
  return {
    type: `PublishedEvent<'${sender}'>`,
    title: t('custom.payloadTitle', { event: declared ? declared.title : sender }),
    returns: 'Promise<void>',
    fields: [
      { path: ['args'], label: t('custom.payloadArgs'), type: 'any' },
      { path: ['sender'], label: t('custom.sender'), type: `'${sender}'` },
      { path: ['id'], label: t('custom.payloadId'), type: 'string' },
      { path: ['requestId'], label: 'requestId', type: 'string' },
      { path: ['depth'], label: 'depth', type: 'number' },
    ],
  };
}

import type { Translate } from '../../i18n';
import { addError, mergeErrors } from '../errors';
import { validateHandler } from '../handler/handler-draft';
import type { EventDraft, FieldErrors } from '../types';

/** A custom event's draft: the common keys plus the declared event it subscribes to. */
export type CustomEventDraft = EventDraft & { kind: 'custom'; sender?: string };

export const CUSTOM_FORM_KEYS = ['sender'] as const;

/** One event a service declares, as the dialog lists it. */
export type DeclaredEvent = {
  /** `services.Billing.paid` — what publish takes and the event subscribes to. */
  sender: string;
  service: string;
  serviceTitle: string;
  name: string;
  title: string;
  desc: string;
};

type ServiceShape = {
  name: string;
  title: string;
  events?: readonly { name: string; title?: string; desc?: string }[];
};

/** The declared events of all services, services by title, events as declared. */
export function declaredEvents(services: readonly ServiceShape[]): DeclaredEvent[] {
  return [...services]
    .sort((a, b) => a.title.localeCompare(b.title))
    .flatMap((service) =>
      (service.events ?? []).map((e) => ({
        sender: `${service.name}.${e.name}`,
        service: service.name,
        serviceTitle: service.title,
        name: e.name,
        title: e.title || e.name,
        desc: e.desc ?? '',
      })),
    );
}

/** Events whose sender, title, description or service match a search text. */
export function searchDeclared(events: readonly DeclaredEvent[], query: string): DeclaredEvent[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...events];
  return events.filter((e) =>
    [e.sender, e.title, e.desc, e.serviceTitle].some((text) => text.toLowerCase().includes(q)),
  );
}

export function validateCustomDraft(
  draft: CustomEventDraft,
  context: { services: readonly ServiceShape[]; t: Translate },
): FieldErrors {
  const errors: FieldErrors = {};
  const { t } = context;
  if (!draft.sender) addError(errors, 'sender', t('custom.senderRequired'));
  else if (!declaredEvents(context.services).some((e) => e.sender === draft.sender))
    addError(errors, 'sender', t('custom.senderUnknown', { sender: draft.sender }));
  return mergeErrors(errors, validateHandler(draft.handler, t));
}

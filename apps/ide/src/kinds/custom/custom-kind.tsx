import { NotificationOutlined } from '@ant-design/icons';
import type { EventKindUnit } from '../types';
import {
  CUSTOM_FORM_KEYS,
  declaredEvents,
  validateCustomDraft,
  type CustomEventDraft,
} from './custom-draft';
import { CustomEventFields } from './CustomEventFields';
import { customPayload } from './custom-payload';

/** Custom events: when a service publishes one of the events it declares. */
export const customEventKind: EventKindUnit = {
  kind: 'custom',
  titleKey: 'kind.custom',
  helpKey: 'kind.custom.help',
  dialogTitleKey: 'kind.custom.new',
  icon: <NotificationOutlined />,
  defaults: (context) => ({ sender: declaredEvents(context.services)[0]?.sender }),
  starterCode: (raw) => {
    const sender = (raw as CustomEventDraft).sender ?? 'services.Service.event';
    return [
      `export default async function (event: PublishedEvent<'${sender}'>, app: App) {`,
      '  // event.args is what the publisher passed to app.event.publish.',
      `  app.log('${sender} received', event.args);`,
      '}',
      '',
    ].join('\n');
  },
  validate: (draft, context) => validateCustomDraft(draft as CustomEventDraft, context),
  asyncAllowed: () => true,
  describe: (raw, { services }) => {
    const sender = (raw as CustomEventDraft).sender;
    const event = declaredEvents(services).find((e) => e.sender === sender);
    return event ? `${event.serviceTitle} · ${event.title}` : (sender ?? '?');
  },
  formKeys: CUSTOM_FORM_KEYS,
  Fields: CustomEventFields,
  payload: (draft, context) => customPayload(draft as CustomEventDraft, context),
};

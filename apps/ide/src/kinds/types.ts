import type { HandlerRef } from '@whenthen/schema';
import type { ComponentType, ReactNode } from 'react';
import type { MessageKey, Translate } from '../i18n';
import type { HandlerPayload } from './payload';
import type { ModelInfo, ServiceInfo } from '../stores/app-store';

/** An event's e.json while it is being edited; the kind adds its own keys. */
export type EventDraft = {
  type: 'event';
  kind: string;
  title?: string;
  tags?: string[];
  handler: HandlerRef;
  async: boolean;
  order: number;
  enabled: boolean;
  timeoutMs?: number;
  /** Async only; absent means one attempt. */
  retry?: { attempts: number; backoffMs: number };
  [key: string]: unknown;
};

/** Messages by form key (`model`, `timing`, `filter`, …); `_` holds those no field owns. */
export type FieldErrors = Record<string, string[]>;

export type KindContext = {
  models: readonly ModelInfo[];
  services: readonly ServiceInfo[];
  t: Translate;
};

export type KindFieldsProps = {
  draft: EventDraft;
  onChange: (patch: Partial<EventDraft>) => void;
  errors: FieldErrors;
  /** On the event page the target and timing are fixed. */
  mode: 'create' | 'edit';
  context: KindContext;
  /**
   * Problems only the form knows, such as a choice not completed yet ("specified fields" with none
   * picked); the dialog and the event page refuse OK/Save while there are any.
   */
  onFormErrors?: (errors: FieldErrors) => void;
};

/**
 * The IDE side of one event kind. The "+" menu, the new-event dialog, the event page and the tree
 * are generated from the registry of these units, so adding a kind touches one folder.
 */
export type EventKindUnit = {
  kind: string;
  titleKey: MessageKey;
  helpKey: MessageKey;
  /** The new-event dialog's heading ("New custom event"); "New model event" when absent. */
  dialogTitleKey?: MessageKey;
  icon: ReactNode;
  /** The kind's own keys of a new definition (the common ones are added by the dialog). */
  defaults: (context: KindContext) => Partial<EventDraft>;
  /** The handler.ts written when the event is created. */
  starterCode: (draft: EventDraft, context: KindContext) => string;
  /** Checks the kind's keys the way the server will; messages by form key. */
  validate: (draft: EventDraft, context: KindContext) => FieldErrors;
  /** Whether the async switch may be on for this draft (before timings are always sync). */
  asyncAllowed: (draft: EventDraft) => boolean;
  /** One line under the event's title: what it listens to. */
  describe: (draft: EventDraft, context: KindContext) => string;
  /** The form keys the kind owns, so server messages land beside the right field. */
  formKeys: readonly string[];
  Fields: ComponentType<KindFieldsProps>;
  /** What the handler receives, typed from the draft (the block editor's header and field pickers). */
  payload?: (draft: EventDraft, context: KindContext) => HandlerPayload;
};

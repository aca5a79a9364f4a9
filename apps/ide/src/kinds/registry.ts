import type { EventKindUnit } from './types';
import { modelEventKind } from './model/model-kind';
import { customEventKind } from './custom/custom-kind';
import { approvalEventKind } from './approval/approval-kind';

/**
 * Event kinds the IDE can create and edit, by their `kind` key (the same key the server registers).
 * Only kinds that work end to end are listed; the "+" menu shows exactly these.
 */
export const EVENT_KINDS: Readonly<Record<string, EventKindUnit>> = {
  [modelEventKind.kind]: modelEventKind,
  [customEventKind.kind]: customEventKind,
  [approvalEventKind.kind]: approvalEventKind,
};

export const eventKindOf = (kind: unknown): EventKindUnit | undefined =>
  typeof kind === 'string' ? EVENT_KINDS[kind] : undefined;

import { ThunderboltOutlined } from '@ant-design/icons';
import type { ModelTiming } from '@whenthen/schema';
import { findModel } from '../../stores/app-store';
import type { EventKindUnit } from '../types';
import {
  isBeforeTiming,
  MODEL_FORM_KEYS,
  validateModelDraft,
  type ModelEventDraft,
} from './model-draft';
import { ModelEventFields } from './ModelEventFields';
import { modelPayload } from './model-payload';

const STARTER_BODY: Record<ModelTiming, (model: string) => string> = {
  beforeCreate: (m) =>
    `  // Runs before a ${m} is stored. Change event.next to adjust what is stored,\n  // or throw an Error to refuse the write.\n  app.log('${m} about to be created', event.next);`,
  afterCreate: (m) =>
    `  // event.next is the ${m} as stored.\n  app.log('${m} created', event.next.id);`,
  beforeUpdate: (m) =>
    `  // Runs before the change is stored. event.prev is the stored ${m}, event.next the record after the change;\n  // change event.next to adjust it, or throw an Error to refuse the write.\n  app.log('${m} about to change', event.changed);`,
  afterUpdate: (m) =>
    `  // event.prev is the ${m} before the change, event.next as stored now.\n  app.log('${m} updated', event.next.id, event.changed);`,
  beforeDelete: (m) =>
    `  // Throw an Error to refuse the delete.\n  app.log('${m} about to be deleted', event.prev.id);`,
  afterDelete: (m) =>
    `  // event.prev is the ${m} that was deleted.\n  app.log('${m} deleted', event.prev.id);`,
  afterWrite: (m) =>
    `  // Runs after any create, update or delete of a ${m}; event.op says which.\n  app.log('${m} written', event.op, event.next?.id ?? event.prev?.id);`,
};

/** Model events: when records of a model are created, updated or deleted. */
export const modelEventKind: EventKindUnit = {
  kind: 'model',
  titleKey: 'kind.model',
  helpKey: 'kind.model.help',
  icon: <ThunderboltOutlined />,
  defaults: (context) => ({
    model: context.models[0]?.name,
    timing: 'afterCreate',
    fields: [],
    filter: null,
    filterMode: 'matches',
  }),
  starterCode: (raw) => {
    const draft = raw as ModelEventDraft;
    const short = (draft.model ?? 'models.Record').replace(/^models\./, '');
    const timing = draft.timing ?? 'afterCreate';
    return [
      `export default async function (event: ModelEvent<Models.${short}, '${timing}'>, app: App) {`,
      STARTER_BODY[timing](short),
      '}',
      '',
    ].join('\n');
  },
  validate: (draft, context) => validateModelDraft(draft as ModelEventDraft, context),
  asyncAllowed: (draft) => !isBeforeTiming((draft as ModelEventDraft).timing),
  describe: (raw, { models, t }) => {
    const draft = raw as ModelEventDraft;
    const model = findModel(models, draft.model);
    const modelTitle = model?.title ?? draft.model?.replace(/^models\./, '') ?? '?';
    return `${modelTitle} · ${draft.timing ? t(`timing.${draft.timing}`) : '?'}`;
  },
  formKeys: MODEL_FORM_KEYS,
  Fields: ModelEventFields,
  payload: (draft, context) => modelPayload(draft as ModelEventDraft, context),
};

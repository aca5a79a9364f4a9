import type { DataOp } from '@whenthen/blocks';
import type { MessageKey, Translate } from '../i18n';
import type { ModelInfo, ServiceInfo } from '../stores/app-store';
import type { BlockTemplate } from './templates';

/** One entry of the cascading statement picker: a group, an element, or a statement to insert. */
export type CatalogNode = {
  /** Unique among its siblings. */
  value: string;
  label: string;
  /** A line under the label (a function's parameters, a model's name). */
  detail?: string;
  children?: CatalogNode[];
  template?: BlockTemplate;
  disabled?: boolean;
  /** Why it is disabled. */
  reason?: string;
};

/** The data operations a model offers, in the picker's order, with their labels (DESIGN §10). */
export const DATA_OP_LABELS: readonly { op: DataOp; key: MessageKey }[] = [
  { op: 'get', key: 'blocks.op.get' },
  { op: 'query', key: 'blocks.op.query' },
  { op: 'create', key: 'blocks.op.create' },
  { op: 'update', key: 'blocks.op.update' },
  { op: 'updateMany', key: 'blocks.op.updateMany' },
  { op: 'delete', key: 'blocks.op.delete' },
  { op: 'deleteMany', key: 'blocks.op.deleteMany' },
  { op: 'count', key: 'blocks.op.count' },
];

export type CatalogContext = {
  models: readonly ModelInfo[];
  services: readonly ServiceInfo[];
  /** Variables in scope where the statement goes (from `variablesInScope`), without `event` and `app`. */
  variables: readonly string[];
  t: Translate;
};

/**
 * The cascading picker of a basic statement: Variables / Services / Data models (→ element →
 * function), then events and other statements. Built from the application, so a new service
 * function or model shows up without code changes here.
 */
export function statementCatalog({
  models,
  services,
  variables,
  t,
}: CatalogContext): CatalogNode[] {
  const groups: CatalogNode[] = [];
  if (variables.length > 0) {
    groups.push({
      value: 'variables',
      label: t('blocks.cat.variables'),
      children: variables.map((name) => ({
        value: name,
        label: name,
        children: [
          {
            value: 'assign',
            label: t('blocks.cat.assign'),
            template: { kind: 'setVariable', declare: null, target: name },
          },
          {
            value: 'log',
            label: t('blocks.cat.logValue'),
            template: { kind: 'log', preset: [`'${name}'`, name] },
          },
        ],
      })),
    });
  }
  groups.push({
    value: 'services',
    label: t('blocks.cat.services'),
    children: [
      {
        value: 'message',
        label: t('blocks.cat.messageService'),
        children: [
          {
            value: 'notify',
            label: t('blocks.cat.notification'),
            detail: 'app.notify({ to, title, body })',
            template: { kind: 'notify' },
          },
        ],
      },
      ...services.map((service) => ({
        value: service.short,
        label: service.title,
        detail: service.name,
        children: service.functions.map((fn) => ({
          value: fn.name,
          label: fn.title ?? fn.name,
          detail: `${fn.name}(${fn.params.map((p) => p.name).join(', ')})`,
          template: { kind: 'serviceCall' as const, service: service.short, fn: fn.name },
        })),
      })),
    ],
  });
  groups.push({
    value: 'models',
    label: t('blocks.cat.models'),
    children: models.map((model) => ({
      value: model.short,
      label: model.title,
      detail: model.name,
      children: DATA_OP_LABELS.map(({ op, key }) => ({
        value: op,
        label: t(key),
        detail: `app.models.${model.short}.${op}`,
        template: { kind: 'data' as const, model: model.short, op },
      })),
    })),
  });
  const senders = services.flatMap((service) =>
    (service.events ?? []).map((event) => ({ service, event })),
  );
  groups.push({
    value: 'events',
    label: t('blocks.cat.events'),
    children: [
      ...senders.map(({ service, event }) => ({
        value: `${service.short}.${event.name}`,
        label: event.title ?? event.name,
        detail: `services.${service.short}.${event.name}`,
        template: { kind: 'publish' as const, sender: `services.${service.short}.${event.name}` },
      })),
      ...(senders.length === 0
        ? [
            {
              value: 'publish',
              label: t('blocks.cat.publish'),
              template: { kind: 'publish' as const },
            },
          ]
        : []),
    ],
  });
  groups.push({
    value: 'other',
    label: t('blocks.cat.other'),
    children: [
      { value: 'log', label: t('blocks.cat.log'), detail: 'app.log(…)', template: { kind: 'log' } },
      {
        value: 'abort',
        label: t('blocks.cat.abort'),
        detail: 'throw new Error(…)',
        template: { kind: 'abort' },
      },
      {
        value: 'comment',
        label: t('blocks.cat.comment'),
        detail: '// …',
        template: { kind: 'comment' },
      },
      { value: 'raw', label: t('blocks.cat.raw'), template: { kind: 'raw' } },
    ],
  });
  return groups;
}

/** Finds the template at a path of values (as the cascader reports a choice). */
export function templateAt(
  nodes: readonly CatalogNode[],
  path: readonly string[],
): BlockTemplate | null {
  let level: readonly CatalogNode[] | undefined = nodes;
  let node: CatalogNode | undefined;
  for (const value of path) {
    node = level?.find((candidate) => candidate.value === value);
    if (!node) return null;
    level = node.children;
  }
  return node?.template ?? null;
}

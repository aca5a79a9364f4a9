import type { Block, Param, ParamForm } from '@whenthen/blocks';
import type { Translate } from '../i18n';
import type { ModelInfo, ServiceInfo } from '../stores/app-store';
import { DATA_OP_LABELS } from './statement-catalog';

/** Colour family of a row, by what the statement does. */
export type BlockCategory =
  'service' | 'data' | 'logic' | 'variable' | 'event' | 'log' | 'comment' | 'raw';

/** A piece of a row's sentence: words, or a parameter shown as a chip. */
export type SummaryPart = { words: string } | { chip: string; form: ParamForm; name?: string };

export type BlockSummary = { category: BlockCategory; title: string; parts: SummaryPart[] };

export type SummaryContext = {
  models: readonly ModelInfo[];
  services: readonly ServiceInfo[];
  t: Translate;
};

const CHIP_MAX = 60;

const chip = (param: Param, name?: string): SummaryPart => ({
  chip: param.text.length > CHIP_MAX ? `${param.text.slice(0, CHIP_MAX - 1)}…` : param.text,
  form: param.form,
  ...(name ? { name } : {}),
});

/** Chips of an argument: an object's fields one by one (at most four), otherwise the whole value. */
function argChips(param: Param | undefined): SummaryPart[] {
  if (!param) return [];
  if (param.form === 'object' && param.fields) {
    const shown = param.fields.slice(0, 4).map((field) => chip(field, field.name));
    const more = param.fields.length - shown.length;
    return more > 0 ? [...shown, { words: `+${more}` }] : shown;
  }
  return [chip(param)];
}

const paramsNamed = (params: Param[], skip: string[]) =>
  params.filter((p) => !skip.includes(p.name));

/** What a row says about its block: a title and the parameters as chips. */
export function summarize(block: Block, { models, services, t }: SummaryContext): BlockSummary {
  const named = (name: string) => block.params.find((p) => p.name === name);
  const assigned = (): SummaryPart[] =>
    'assignTo' in block && block.assignTo
      ? [{ words: '→' }, { chip: block.assignTo.target, form: 'name' }]
      : [];
  switch (block.kind) {
    case 'notify':
      return {
        category: 'service',
        title: t('blocks.kind.notify'),
        parts: [
          ...(block.argsObject
            ? paramsNamed(block.params, ['assignTo']).map((p) => chip(p, p.name))
            : argChips(named('args'))),
          ...assigned(),
        ],
      };
    case 'serviceCall': {
      const service = services.find((s) => s.short === block.service);
      const fn = service?.functions.find((f) => f.name === block.fn);
      return {
        category: 'service',
        title: `${service?.title ?? block.service} → ${fn?.title ?? block.fn}`,
        parts: [
          ...paramsNamed(block.params, ['service', 'fn', 'assignTo']).flatMap(argChips),
          ...assigned(),
        ],
      };
    }
    case 'data': {
      const model = models.find((m) => m.short === block.model);
      const op = DATA_OP_LABELS.find((entry) => entry.op === block.op);
      return {
        category: 'data',
        title: `${op ? t(op.key) : block.op} · ${model?.title ?? block.model}`,
        parts: [
          ...paramsNamed(block.params, ['model', 'op', 'assignTo']).flatMap(argChips),
          ...assigned(),
        ],
      };
    }
    case 'publish':
      return {
        category: 'event',
        title: t('blocks.kind.publish'),
        parts: [...paramsNamed(block.params, ['assignTo']).flatMap(argChips), ...assigned()],
      };
    case 'log':
      return {
        category: 'log',
        title: t('blocks.kind.log'),
        parts: [...paramsNamed(block.params, ['assignTo']).map((p) => chip(p)), ...assigned()],
      };
    case 'if':
      return { category: 'logic', title: t('blocks.kind.if'), parts: argChips(named('test')) };
    case 'forEach': {
      const item = named('item');
      const items = named('items');
      return {
        category: 'logic',
        title: t('blocks.kind.forEach'),
        parts: [
          ...(item ? [chip(item)] : []),
          { words: t('blocks.word.in') },
          ...(items ? [chip(items)] : []),
        ],
      };
    }
    case 'loop':
      return {
        category: 'logic',
        title: t(`blocks.kind.loop.${block.loop}`),
        parts: block.params.map((p) => chip(p, block.loop === 'for' ? p.name : undefined)),
      };
    case 'setVariable': {
      const target = named('target');
      const value = named('value');
      return {
        category: 'variable',
        title: block.declare
          ? t('blocks.kind.declare', { declare: block.declare })
          : t('blocks.kind.assign'),
        parts: [
          ...(target ? [{ chip: target.text, form: 'name' as const }] : []),
          ...(value ? [{ words: block.operator }, chip(value)] : []),
        ],
      };
    }
    case 'return':
      return { category: 'logic', title: t('blocks.kind.return'), parts: argChips(named('value')) };
    case 'abort':
      return {
        category: 'logic',
        title: t('blocks.kind.abort'),
        parts: argChips(named('message')),
      };
    case 'try':
      return { category: 'logic', title: t('blocks.kind.try'), parts: [] };
    case 'switch':
      return { category: 'logic', title: t('blocks.kind.switch'), parts: argChips(named('value')) };
    case 'comment':
      return {
        category: 'comment',
        title: t('blocks.kind.comment'),
        parts: [{ words: block.text }],
      };
    case 'raw':
      return { category: 'raw', title: t('blocks.kind.raw'), parts: [] };
  }
}

import {
  DATA_OP_ARGS,
  generateBlock,
  type ArgSpec,
  type Block,
  type BlockDocument,
  type BlockEdit,
  type BlockSpec,
  type Param,
} from '@whenthen/blocks';
import type { Translate } from '../i18n';
import type { ModelInfo, ServiceInfo } from '../stores/app-store';
import { fieldTsType } from '../monaco/app-typings';
import { indentOf } from './doc-tree';
import type { ValueMode } from './expression-text';
import type { BlockTemplate } from './templates';

/** How a form field is edited. */
export type FieldInput =
  /** A value: words, a number, yes/no, a picked event field or variable, or an expression. */
  | 'value'
  /** A condition: comparisons, or an expression. */
  | 'condition'
  /** A name (variable, loop item). */
  | 'name'
  /** Text of a comment. */
  | 'comment'
  /** One of `options`. */
  | 'choice';

export type FormField = {
  /** The parameter path (`title`, `values.sales`, `assignTo`); `slot:2:test` for a slot's parameter. */
  key: string;
  label: string;
  /** The value's type, as a hint (`number`, `string`). */
  type?: string;
  input: FieldInput;
  required?: boolean;
  /** Source text now ('' when the parameter is absent). */
  text: string;
  /** Groups fields under a heading (the fields of `values`). */
  group?: string;
  options?: { value: string; label: string }[];
  /** The input an empty value starts in, where its type does not say (an assignment's target). */
  emptyMode?: ValueMode;
  /** Words offered in a value's text input (the application's users for a recipient). */
  suggestions?: { value: string; label: string }[];
  placeholder?: string;
};

export type ParamFormContext = {
  models: readonly ModelInfo[];
  services: readonly ServiceInfo[];
  t: Translate;
  /** The application's users (app.json), offered as notification recipients. */
  users?: readonly { id: string; name?: string }[];
};

/** Where a field's text lives in a block's parameters, or null when the block does not have it yet. */
function paramAt(block: Block | null, key: string): Param | null {
  if (!block) return null;
  const slot = /^slot:(\d+):(.+)$/.exec(key);
  let list: Param[] | undefined = slot ? block.slots[Number(slot[1])]?.params : block.params;
  let found: Param | null = null;
  for (const name of (slot ? slot[2]! : key).split('.')) {
    found = list?.find((param) => param.name === name) ?? null;
    if (!found) return null;
    list = found.fields;
  }
  return found;
}

const OBJECT_ARGS = new Set(['values', 'patch', 'set', 'args']);

/** The fields of the "Set parameters" form for a template, filled from `block` when it exists. */
export function formFields(
  template: BlockTemplate | null,
  context: ParamFormContext,
  block: Block | null = null,
): FormField[] {
  const { t } = context;
  const text = (key: string) => paramAt(block, key)?.text ?? '';
  const value = (key: string, label: string, extra: Partial<FormField> = {}): FormField => ({
    key,
    label,
    input: 'value',
    text: text(key),
    ...extra,
  });
  const assign = (): FormField => ({
    key: 'assignTo',
    label: t('blocks.param.assignTo'),
    input: 'name',
    text: block && 'assignTo' in block && block.assignTo ? block.assignTo.target : '',
    placeholder: t('blocks.param.assignToPlaceholder'),
  });
  if (!template) return genericFields(block, t);
  switch (template.kind) {
    case 'notify':
      if (
        block?.kind === 'notify' &&
        !block.argsObject &&
        block.params.some((p) => p.name === 'args')
      ) {
        return [value('args', t('blocks.param.message'), { required: true })];
      }
      return [
        value('to', t('blocks.param.to'), {
          required: true,
          type: 'string',
          suggestions: (context.users ?? []).map((u) => ({
            value: u.id,
            label: u.name ? `${u.name} · ${u.id}` : u.id,
          })),
        }),
        value('title', t('blocks.param.title'), { required: true, type: 'string' }),
        value('body', t('blocks.param.body'), { type: 'string' }),
      ];
    case 'serviceCall': {
      const service = context.services.find((s) => s.short === template.service);
      const fn = service?.functions.find((f) => f.name === template.fn);
      return [
        ...objectFields(
          block,
          'args',
          t('blocks.param.args'),
          (fn?.params ?? []).map((p) => ({
            name: p.name,
            label: p.title ?? p.name,
            type: p.type,
            required: !!p.required,
          })),
        ),
        assign(),
      ];
    }
    case 'data': {
      const model = context.models.find((m) => m.short === template.model);
      const modelFields = (required: boolean) =>
        (model?.fields ?? []).map((f) => ({
          name: f.name,
          label: f.title ?? f.name,
          type: fieldTsType(f),
          required: required && !!f.required && f.default === undefined,
        }));
      const fields: FormField[] = [];
      for (const name of DATA_OP_ARGS[template.op]) {
        if (name === 'values')
          fields.push(...objectFields(block, name, t('blocks.param.values'), modelFields(true)));
        else if (name === 'patch' || name === 'set')
          fields.push(...objectFields(block, name, t('blocks.param.patch'), modelFields(false)));
        else if (name === 'id')
          fields.push(value('id', t('blocks.param.id'), { required: true, type: 'number' }));
        else if (name === 'where')
          fields.push(
            value('where', t('blocks.param.where'), {
              required: template.op !== 'query',
              placeholder: "{ field: 'sales', op: 'gt', value: 1000 }",
            }),
          );
        else if (name === 'options')
          fields.push(
            value('options', t('blocks.param.options'), { placeholder: '{ limit: 10 }' }),
          );
      }
      return [...fields, assign()];
    }
    case 'publish': {
      const senders = context.services.flatMap((s) =>
        (s.events ?? []).map((e) => `services.${s.short}.${e.name}`),
      );
      return [
        value('sender', t('blocks.param.sender'), {
          required: true,
          // Picked from the list as "Events → Order shipped": that event is the sender.
          text: text('sender') || (template.sender ? `'${template.sender}'` : ''),
          placeholder: senders[0] ? `'${senders[0]}'` : "'services.Billing.paid'",
        }),
        value('args', t('blocks.param.args')),
      ];
    }
    case 'log': {
      const count = Math.max(2, block?.params.filter((p) => /^arg\d+$/.test(p.name)).length ?? 0);
      return Array.from({ length: count }, (_, i) =>
        value(
          `arg${i + 1}`,
          i === 0 ? t('blocks.param.logMessage') : t('blocks.param.logValue', { n: i + 1 }),
          {
            required: i === 0,
            ...(!block && template.preset?.[i] ? { text: template.preset[i] } : {}),
          },
        ),
      );
    }
    case 'abort':
      return [value('message', t('blocks.param.abortMessage'), { required: true, type: 'string' })];
    case 'comment':
      return [
        {
          key: 'text',
          label: t('blocks.param.comment'),
          input: 'comment',
          text: block?.kind === 'comment' ? block.text : '',
          required: true,
        },
      ];
    case 'raw':
      return [
        { key: 'text', label: t('blocks.param.code'), input: 'comment', text: '', required: true },
      ];
    case 'if': {
      const fields: FormField[] = [
        {
          key: 'test',
          label: t('blocks.param.condition'),
          input: 'condition',
          text: text('test'),
          required: true,
        },
      ];
      block?.slots.forEach((slot, index) => {
        if (slot.role === 'elseIf') {
          fields.push({
            key: `slot:${index}:test`,
            label: t('blocks.param.elseIfCondition'),
            input: 'condition',
            text: text(`slot:${index}:test`),
            required: true,
          });
        }
      });
      return fields;
    }
    case 'forEach':
      return [
        value('items', t('blocks.param.items'), { required: true }),
        {
          key: 'item',
          label: t('blocks.param.item'),
          input: 'name',
          text: text('item') || (block ? '' : 'item'),
          required: true,
        },
      ];
    case 'while':
      return [
        {
          key: 'test',
          label: t('blocks.param.whileCondition'),
          input: 'condition',
          text: text('test'),
          required: true,
        },
      ];
    case 'setVariable': {
      const declared = template.declare !== null;
      return [
        declared
          ? {
              key: 'target',
              label: t('blocks.param.variableName'),
              input: 'name',
              text: text('target') || (template.target ?? ''),
              required: true,
            }
          : value('target', t('blocks.param.assignTarget'), {
              required: true,
              // A variable or a field (event.next.total) is an expression, never words.
              emptyMode: 'expression',
              text: text('target') || (template.target ?? ''),
            }),
        value('value', t('blocks.param.newValue'), {
          required: template.declare === 'const' || !declared,
        }),
      ];
    }
    case 'return':
      return [value('value', t('blocks.param.returnValue'))];
  }
}

/** Fields of an object argument (`values`, `patch`, `args`): those the definition names, then any others the code has. */
function objectFields(
  block: Block | null,
  name: string,
  label: string,
  known: { name: string; label: string; type?: string; required?: boolean }[],
): FormField[] {
  const param = paramAt(block, name);
  if (param && param.form !== 'object') {
    return [{ key: name, label, input: 'value', text: param.text, required: true }];
  }
  const present = param?.fields ?? [];
  const fields: FormField[] = known.map((field) => ({
    key: `${name}.${field.name}`,
    label: field.label,
    type: field.type,
    input: 'value',
    required: field.required,
    text: present.find((p) => p.name === field.name)?.text ?? '',
    group: label,
  }));
  for (const extra of present) {
    if (known.some((field) => field.name === extra.name)) continue;
    fields.push({
      key: `${name}.${extra.name}`,
      label: extra.name,
      input: 'value',
      text: extra.text,
      group: label,
    });
  }
  if (fields.length === 0 && OBJECT_ARGS.has(name)) {
    return [{ key: name, label, input: 'value', text: param?.text ?? '' }];
  }
  return fields;
}

/** Any block's header parameters (other loops, switch, try): each edited as a value. */
function genericFields(block: Block | null, t: Translate): FormField[] {
  if (!block || block.kind === 'raw') return [];
  const fields: FormField[] = block.params
    .filter((p) => !p.fields)
    .map((p) => ({
      key: p.name,
      label: p.name,
      input: p.form === 'name' ? 'name' : 'value',
      text: p.text,
    }));
  block.slots.forEach((slot, index) =>
    slot.params.forEach((p) =>
      fields.push({
        key: `slot:${index}:${p.name}`,
        label: `${t(`blocks.slot.${slot.role}`)} · ${p.name}`,
        input: p.form === 'name' ? 'name' : 'value',
        text: p.text,
      }),
    ),
  );
  return fields;
}

const STRING_UNION = /^"(?:[^"\\]|\\.)*"(?: \| "(?:[^"\\]|\\.)*")*$/;

/** The values of a string-union type (an enum field): `"East" | "West"` → East, West. */
export function enumValues(type: string | undefined): string[] | undefined {
  if (!type || !STRING_UNION.test(type)) return undefined;
  return type.split(' | ').map((part) => JSON.parse(part) as string);
}

/** Which input an empty value of a type starts in. */
export function emptyModeOf(type: string | undefined): ValueMode {
  if (!type || type === 'string' || enumValues(type)) return 'text';
  if (type === 'number') return 'number';
  if (type === 'boolean') return 'boolean';
  return 'expression';
}

/** Fields a required value is missing from. */
export function missingFields(
  fields: readonly FormField[],
  values: Record<string, string>,
): string[] {
  return fields.filter((f) => f.required && !(values[f.key] ?? f.text).trim()).map((f) => f.key);
}

/** The spec of a new block from its template and the form's values. */
export function specFromForm(template: BlockTemplate, values: Record<string, string>): BlockSpec {
  const v = (key: string) => (values[key] ?? '').trim();
  const given = (key: string) => (v(key) === '' ? undefined : v(key));
  const object = (name: string): ArgSpec | undefined => {
    const prefix = `${name}.`;
    const entries = Object.entries(values)
      .filter(([key, text]) => key.startsWith(prefix) && text.trim() !== '')
      .map(([key, text]) => [key.slice(prefix.length), text.trim()] as const);
    if (entries.length > 0) return Object.fromEntries(entries);
    return given(name);
  };
  const assignTo = given('assignTo') ? { assignTo: { target: v('assignTo') } } : {};
  switch (template.kind) {
    case 'notify':
      if (given('args')) return { kind: 'notify', args: v('args') };
      return {
        kind: 'notify',
        params: Object.fromEntries(
          ['to', 'title', 'body'].filter((key) => given(key)).map((key) => [key, v(key)]),
        ),
      };
    case 'serviceCall': {
      const args = object('args');
      return {
        kind: 'serviceCall',
        service: template.service,
        fn: template.fn,
        args: args === undefined ? [{}] : [args],
        ...assignTo,
      };
    }
    case 'data': {
      const names = DATA_OP_ARGS[template.op];
      const args = names.map((name) =>
        name === 'values' || name === 'patch' || name === 'set' ? object(name) : given(name),
      );
      while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
      return {
        kind: 'data',
        model: template.model,
        op: template.op,
        args: args.map((arg) => arg ?? 'undefined'),
        ...assignTo,
      };
    }
    case 'publish':
      return {
        kind: 'publish',
        sender: v('sender') || "''",
        ...(given('args') ? { args: v('args') } : {}),
      };
    case 'log': {
      const args = Object.keys(values)
        .filter((key) => /^arg\d+$/.test(key))
        .sort((a, b) => Number(a.slice(3)) - Number(b.slice(3)))
        .map((key) => v(key))
        .filter((text) => text !== '');
      return { kind: 'log', args: args.length ? args : ["''"] };
    }
    case 'abort':
      return { kind: 'abort', ...(given('message') ? { message: v('message') } : {}) };
    case 'comment':
      return { kind: 'comment', text: values.text ?? '' };
    case 'raw':
      return { kind: 'raw', text: values.text ?? '' };
    case 'if':
      return { kind: 'if', test: v('test') || 'true' };
    case 'forEach':
      return { kind: 'forEach', item: v('item') || 'item', items: v('items') || '[]' };
    case 'while':
      return { kind: 'loop', loop: 'while', test: v('test') || 'false' };
    case 'setVariable':
      return {
        kind: 'setVariable',
        declare: template.declare,
        target: v('target'),
        ...(given('value') ? { value: v('value') } : {}),
      };
    case 'return':
      return { kind: 'return', ...(given('value') ? { value: v('value') } : {}) };
  }
}

/**
 * The edits that make `block` match the form: one `setParam` per changed parameter, so the rest
 * of the statement keeps its text; when the shape changes (a result kept or no longer kept, an
 * object argument the code writes another way) the statement is written again from the form.
 */
export function editsFromForm(
  doc: BlockDocument,
  block: Block,
  template: BlockTemplate | null,
  fields: readonly FormField[],
  values: Record<string, string>,
): BlockEdit[] {
  const changed = fields.filter(
    (f) => values[f.key] !== undefined && values[f.key]!.trim() !== f.text.trim(),
  );
  if (changed.length === 0) return [];
  const assignField = changed.find((f) => f.key === 'assignTo');
  const hadAssign = 'assignTo' in block && block.assignTo !== null;
  const wantsAssign = assignField ? values.assignTo!.trim() !== '' : hadAssign;
  const rewrite = () => {
    if (!template) return [];
    const all = Object.fromEntries(fields.map((f) => [f.key, values[f.key] ?? f.text]));
    const spec = specFromForm(template, all);
    if (
      'awaited' in block &&
      (spec.kind === 'notify' ||
        spec.kind === 'serviceCall' ||
        spec.kind === 'data' ||
        spec.kind === 'publish' ||
        spec.kind === 'log')
    ) {
      spec.await = block.awaited;
      if (spec.assignTo && block.assignTo) {
        spec.assignTo = {
          ...spec.assignTo,
          declare: block.assignTo.declare,
          operator: block.assignTo.operator,
        };
      }
    }
    const text = generateBlock(spec, {
      indent: indentOf(doc.code, block.range[0]),
      unit: doc.style.indentUnit,
      eol: doc.style.eol,
      app: doc.handler?.appName ?? 'app',
    });
    return [{ type: 'replaceRaw', blockId: block.id, text } satisfies BlockEdit];
  };
  if (hadAssign !== wantsAssign) return rewrite();
  const edits: BlockEdit[] = [];
  const addedObjects = new Map<string, string[]>();
  for (const field of changed) {
    const text = values[field.key]!.trim();
    const slot = /^slot:(\d+):(.+)$/.exec(field.key);
    if (slot) {
      edits.push({
        type: 'setParam',
        blockId: block.id,
        slot: Number(slot[1]),
        param: slot[2]!,
        text,
      });
      continue;
    }
    const dot = field.key.indexOf('.');
    if (dot !== -1 && !paramAt(block, field.key.slice(0, dot))) {
      // The object argument is not written yet: it is added whole, once.
      const owner = field.key.slice(0, dot);
      if (!addedObjects.has(owner)) addedObjects.set(owner, []);
      if (text !== '') addedObjects.get(owner)!.push(`${field.key.slice(dot + 1)}: ${text}`);
      continue;
    }
    const present = paramAt(block, field.key) !== null;
    if (text === '' && !present) continue;
    edits.push({
      type: 'setParam',
      blockId: block.id,
      param: field.key,
      text: text === '' ? null : text,
    });
  }
  for (const [owner, entries] of addedObjects) {
    if (entries.length === 0) continue;
    const names = block.kind === 'data' ? DATA_OP_ARGS[block.op] : ['args'];
    const position = names.indexOf(owner);
    // An object after a missing argument cannot be added on its own: write the call again.
    const before = names.slice(0, position).filter((name) => !paramAt(block, name));
    if (before.length > 0) return rewrite();
    edits.push({
      type: 'setParam',
      blockId: block.id,
      param: owner,
      text: `{ ${entries.join(', ')} }`,
    });
  }
  return edits;
}

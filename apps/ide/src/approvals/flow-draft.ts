import {
  approvalSchema,
  checkCondition,
  type ApprovalNode,
  type Approver,
  type Condition,
  type Field,
} from '@whenthen/schema';
import type { ErrorDetail } from '../api/types';
import { addError } from '../kinds/errors';
import type { FieldErrors } from '../kinds/types';
import type { AppUser } from './approvals-api';

/** An approval flow's e.json while it is being edited. */
export type FlowDraft = {
  type: 'approval';
  title?: string;
  model: string;
  condition?: Condition | null;
  nodes: ApprovalNode[];
  [key: string]: unknown;
};

/** Field types that can hold a user id, so a node may name "the user in this field" (as the server checks). */
export const USER_FIELD_TYPES: readonly Field['type'][] = ['text', 'enum'];

export const userFields = (fields: readonly Field[]): Field[] =>
  fields.filter((f) => USER_FIELD_TYPES.includes(f.type));

/** Fills what the form always shows; keeps every other key of the file as it was. */
export function flowDraftOf(definition: Record<string, unknown>): FlowDraft {
  return {
    ...definition,
    type: 'approval',
    model: typeof definition.model === 'string' ? definition.model : '',
    nodes: Array.isArray(definition.nodes) ? (definition.nodes as ApprovalNode[]) : [],
  };
}

/** What is written to e.json: an empty title and an empty condition are left out. */
export function flowToSave(draft: FlowDraft): FlowDraft {
  const out: FlowDraft = { ...draft };
  if (!out.title?.trim()) delete out.title;
  else out.title = out.title.trim();
  if (!out.condition) delete out.condition;
  out.nodes = draft.nodes.map((n) => {
    const node: ApprovalNode = { ...n };
    if (!node.title?.trim()) delete node.title;
    return node;
  });
  return out;
}

/** `step1`, `step2`, …: the first id not taken yet. */
export function freeNodeId(nodes: readonly ApprovalNode[], base = 'step'): string {
  const taken = new Set(nodes.map((n) => n.id.toLowerCase()));
  for (let i = nodes.length + 1; ; i++)
    if (!taken.has(`${base}${i}`.toLowerCase())) return `${base}${i}`;
}

/** The key that pairs an approver with its option in a picker: a user id, or `field:<name>`. */
export const approverKey = (a: Approver): string =>
  typeof a === 'string' ? `user:${a}` : `field:${a.field}`;

export const approverFromKey = (key: string): Approver =>
  key.startsWith('field:') ? { field: key.slice('field:'.length) } : key.replace(/^user:/, '');

/**
 * A new model drops what belonged to the old one: the condition (its fields) and approvers that
 * name a field. A node left without approvers is reported by validation rather than removed.
 */
export function changeModel(draft: FlowDraft, model: string): FlowDraft {
  if (model === draft.model) return draft;
  return {
    ...draft,
    model,
    condition: null,
    nodes: draft.nodes.map((n) => ({
      ...n,
      approvers: n.approvers.filter((a) => typeof a === 'string'),
    })),
  };
}

export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length)
    return [...list];
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item!);
  return out;
}

/**
 * The form key a problem path belongs to: `definition.nodes.1.approvers.0` → `nodes.1.approvers`,
 * `definition.condition.and.0.value` → `condition`; anything else under `nodes` → `nodes`.
 */
export function flowErrorKey(path: string): string {
  const trimmed = path.replace(/^(body|definition)\./, '').replace(/^\$\.?/, '');
  const parts = trimmed.split('.');
  const [head, index, prop] = parts;
  if (head === 'nodes') {
    if (index !== undefined && /^\d+$/.test(index))
      return prop && ['id', 'title', 'approvers', 'mode'].includes(prop)
        ? `nodes.${index}.${prop}`
        : `nodes.${index}.id`;
    return 'nodes';
  }
  if (head === 'title' || head === 'model' || head === 'condition') return head;
  return '_';
}

/** Sorts problems (client or server) by the form key they concern; others keep their path. */
export function flowErrorsOf(details: readonly ErrorDetail[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const d of details) {
    const key = flowErrorKey(d.field);
    addError(
      errors,
      key,
      key === '_' && d.field && d.field !== '(root)' ? `${d.field}: ${d.reason}` : d.reason,
    );
  }
  return errors;
}

export type FlowCheckContext = {
  users: readonly AppUser[];
  /** The target model's fields, or null when the model is unknown. */
  fields: readonly Field[] | null;
  messages: { modelRequired: string; modelUnknown: string };
};

/**
 * Checks a flow the way the server will on save: the zod schema (node ids, duplicates, at least one
 * node and approver), then against the application: approvers are its users or text/enum fields of
 * the model, and the condition fits the model's fields.
 */
export function validateFlow(draft: FlowDraft, context: FlowCheckContext): FieldErrors {
  const errors: FieldErrors = {};
  const parsed = approvalSchema.safeParse(flowToSave(draft));
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      if (path === 'model' && !draft.model) continue;
      addError(errors, flowErrorKey(path), issue.message);
    }
  if (!draft.model) addError(errors, 'model', context.messages.modelRequired);
  else if (!context.fields) addError(errors, 'model', context.messages.modelUnknown);
  const ids = context.users.map((u) => u.id);
  const known = ids.length
    ? `the application has ${ids.join(', ')}`
    : 'the application has no users (add them to app.json "users")';
  const fields = new Map((context.fields ?? []).map((f) => [f.name, f]));
  draft.nodes.forEach((node, i) => {
    node.approvers.forEach((a) => {
      if (typeof a === 'string') {
        if (!ids.includes(a))
          addError(errors, `nodes.${i}.approvers`, `unknown user "${a}"; ${known}`);
        return;
      }
      if (!context.fields) return;
      const field = fields.get(a.field);
      if (!field)
        addError(errors, `nodes.${i}.approvers`, `${draft.model} has no field "${a.field}"`);
      else if (!USER_FIELD_TYPES.includes(field.type))
        addError(
          errors,
          `nodes.${i}.approvers`,
          `field "${a.field}" is ${field.type}; an approver field holds a user id (text or enum)`,
        );
    });
  });
  if (draft.condition && context.fields) {
    const checked = checkCondition(draft.condition, context.fields, 'condition');
    if (!checked.ok)
      for (const p of checked.problems) addError(errors, 'condition', `${p.field}: ${p.reason}`);
  }
  return errors;
}

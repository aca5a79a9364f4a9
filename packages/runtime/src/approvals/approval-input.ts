import {
  APPROVAL_ACTIONS,
  conditionFields,
  isLeaf,
  type ApprovalAction,
  type Condition,
} from '@whenthen/schema';
import { validationError, type ErrorDetail } from '../errors.js';

export type SubmitInput = { recordId: number; user: string; comment: string | null };
export type ActInput = {
  action: Exclude<ApprovalAction, 'submit'>;
  user: string;
  comment: string | null;
  to: string | null;
  task: number | null;
};

const MAX_COMMENT = 4000;

function object(input: unknown, what: string): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw validationError([{ field: 'body', reason: `expected an object: ${what}` }]);
  return input as Record<string, unknown>;
}

function unknownKeys(o: Record<string, unknown>, allowed: string[], details: ErrorDetail[]): void {
  for (const k of Object.keys(o))
    if (!allowed.includes(k))
      details.push({ field: k, reason: `unknown; expected ${allowed.join(', ')}` });
}

function user(
  o: Record<string, unknown>,
  key: string,
  users: string[],
  details: ErrorDetail[],
): string {
  const v = o[key];
  if (typeof v !== 'string' || !v.length)
    details.push({ field: key, reason: 'expected a user id' });
  else if (!users.includes(v))
    details.push({
      field: key,
      reason: `unknown user "${v}"; ${users.length ? `the application has ${users.join(', ')}` : 'the application has no users'}`,
    });
  return v as string;
}

function comment(o: Record<string, unknown>, details: ErrorDetail[]): string | null {
  const v = o.comment;
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') details.push({ field: 'comment', reason: 'expected text' });
  else if (v.length > MAX_COMMENT)
    details.push({ field: 'comment', reason: `at most ${MAX_COMMENT} characters` });
  return v as string;
}

function integer(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
}

/** `{ recordId, user, comment? }`; VALIDATION_FAILED names every bad field (an unknown user by name). */
export function submitInput(input: unknown, users: string[]): SubmitInput {
  const o = object(input, '{ recordId, user, comment? }');
  const details: ErrorDetail[] = [];
  unknownKeys(o, ['recordId', 'user', 'comment'], details);
  if (!integer(o.recordId))
    details.push({ field: 'recordId', reason: 'expected a record id (integer)' });
  const u = user(o, 'user', users, details);
  const c = comment(o, details);
  if (details.length) throw validationError(details);
  return { recordId: o.recordId as number, user: u, comment: c };
}

/** `{ action, user, comment?, to? (transfer), task? }`. */
export function actInput(input: unknown, users: string[]): ActInput {
  const o = object(input, '{ action, user, comment?, to?, task? }');
  const details: ErrorDetail[] = [];
  unknownKeys(o, ['action', 'user', 'comment', 'to', 'task'], details);
  const actions = APPROVAL_ACTIONS.filter((a) => a !== 'submit');
  if (o.action === 'submit')
    details.push({
      field: 'action',
      reason: 'submit starts an instance; submit the record to the flow instead',
    });
  else if (!actions.includes(o.action as never))
    details.push({ field: 'action', reason: `expected one of ${actions.join(', ')}` });
  const u = user(o, 'user', users, details);
  const c = comment(o, details);
  let to: string | null = null;
  if (o.action === 'transfer') {
    to = user(o, 'to', users, details);
    if (to === u && typeof u === 'string')
      details.push({ field: 'to', reason: 'cannot transfer a task to its own assignee' });
  } else if (o.to !== undefined && o.to !== null)
    details.push({ field: 'to', reason: 'applies to transfer only' });
  if (o.task !== undefined && o.task !== null && !integer(o.task))
    details.push({ field: 'task', reason: 'expected a task id (integer)' });
  if (details.length) throw validationError(details);
  return {
    action: o.action as ActInput['action'],
    user: u,
    comment: c,
    to,
    task: (o.task as number | undefined) ?? null,
  };
}

export function positiveId(v: unknown, field: string): number {
  if (!integer(v)) throw validationError([{ field, reason: 'expected an id (integer)' }]);
  return v;
}

const OP_TEXT: Record<string, string> = {
  eq: '=',
  ne: '≠',
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
  in: 'in',
  nin: 'not in',
};

/** A condition as a line a user reads: `discount > 0.3 and region in ["East"]`. */
export function conditionText(c: Condition): string {
  if (isLeaf(c)) {
    if (c.op === 'isNull') return `${c.field} is empty`;
    if (c.op === 'notNull') return `${c.field} is not empty`;
    return `${c.field} ${OP_TEXT[c.op] ?? c.op} ${JSON.stringify(c.value)}`;
  }
  if ('and' in c) return c.and.length ? c.and.map((x) => wrap(x)).join(' and ') : 'always';
  if ('or' in c) return c.or.length ? c.or.map((x) => wrap(x)).join(' or ') : 'never';
  return `not ${wrap(c.not)}`;
}

function wrap(c: Condition): string {
  return isLeaf(c) || 'not' in c ? conditionText(c) : `(${conditionText(c)})`;
}

/** The record's values of the fields a condition reads: `discount is 0.1`. */
export function valuesText(c: Condition, row: Record<string, unknown>): string {
  return [...conditionFields(c)].map((f) => `${f} is ${JSON.stringify(row[f] ?? null)}`).join(', ');
}

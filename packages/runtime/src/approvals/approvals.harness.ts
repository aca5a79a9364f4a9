import type { Field } from '@whenthen/schema';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { testApp, type ServiceSpec } from '../testing/builders.js';

export const USERS = [{ id: 'ann' }, { id: 'bob' }, { id: 'cid' }, { id: 'dee' }];

export const orderFields: Field[] = [
  { name: 'discount', type: 'number' },
  { name: 'owner', type: 'text' },
  { name: 'approvalStatus', type: 'text' },
  { name: 'note', type: 'text' },
] as Field[];
export const logFields: Field[] = [{ name: 'text', type: 'text' }] as Field[];

/** The DESIGN §3 discount flow, with an optional field approver at the first node. */
export const discountFlow = (overrides: Record<string, unknown> = {}) => ({
  type: 'approval',
  title: 'Discount approval',
  model: 'models.Order',
  condition: { field: 'discount', op: 'gt', value: 0.3 },
  nodes: [
    { id: 'manager', title: 'Sales manager', approvers: ['ann'], mode: 'any' },
    { id: 'finance', title: 'Finance', approvers: ['bob', 'cid'], mode: 'all' },
  ],
  ...overrides,
});

export type ApprovalEventSpec = {
  name: string;
  definition: Record<string, unknown>;
  code?: string;
};

/** An approval event on approvals.Discount, switched on, with an inline handler. */
export const approvalEvent = (
  name: string,
  timing: string,
  code: string,
  extra: Record<string, unknown> = {},
): ApprovalEventSpec => ({
  name,
  definition: { kind: 'approval', flow: 'approvals.Discount', timing, ...extra },
  code,
});

/**
 * A test application with users, an Order and a Log model, approval flows and approval events.
 * Flows and users are written before the runtime opens, so events load against them.
 */
export function approvalApp(opts: {
  flows?: Record<string, Record<string, unknown>>;
  events?: ApprovalEventSpec[];
  services?: ServiceSpec[];
  users?: { id: string; name?: string }[];
  worker?: boolean;
}) {
  const t = testApp({
    models: [
      { name: 'Order', fields: orderFields },
      { name: 'Log', fields: logFields },
    ],
    services: opts.services,
    rawEvents: opts.events,
    worker: opts.worker,
  });
  writeFileSync(
    join(t.dir, 'app.json'),
    JSON.stringify({ name: 'test', users: opts.users ?? USERS }),
  );
  for (const [name, def] of Object.entries(opts.flows ?? { Discount: discountFlow() })) {
    mkdirSync(join(t.dir, 'approvals', name), { recursive: true });
    writeFileSync(join(t.dir, 'approvals', name, 'e.json'), JSON.stringify(def));
  }
  t.runtime.reload();
  return t;
}

export { failure } from '../testing/builders.js';

import { z } from 'zod';
import { conditionSchema } from './conditions.js';
import { eventCommon } from './event-common.js';
import { FIELD_NAME } from './names.js';

/** Where an approval instance stands; `pending` until it ends one of the other three ways. */
export const APPROVAL_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

/** What a user can do to an instance; `submit` starts one, the others act on it. */
export const APPROVAL_ACTIONS = ['submit', 'approve', 'reject', 'transfer', 'withdraw'] as const;
export type ApprovalAction = (typeof APPROVAL_ACTIONS)[number];

export const APPROVAL_TIMINGS = ['statusChanged', 'nodeChanged', 'afterAction'] as const;
export type ApprovalTiming = (typeof APPROVAL_TIMINGS)[number];

/** The option each timing narrows itself with; the others do not apply to it. */
export const APPROVAL_TIMING_OPTIONS = {
  statusChanged: ['fromStatuses', 'toStatuses'],
  nodeChanged: ['nodes'],
  afterAction: ['actions'],
} as const satisfies Record<ApprovalTiming, readonly string[]>;

export const NODE_ID = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/** A user id of the application, or `{ field }`: the user named in that field of the record. */
export const approverSchema = z.union([
  z.string().min(1, 'a user id cannot be empty'),
  z.strictObject({ field: z.string().regex(FIELD_NAME, 'not a field name') }),
]);
export type Approver = z.infer<typeof approverSchema>;

export const approvalNodeSchema = z.object({
  id: z.string().regex(NODE_ID, 'a node id starts with a letter, then letters, digits, _ or -'),
  title: z.string().max(200).optional(),
  approvers: z.array(approverSchema).min(1, 'a node needs at least one approver'),
  mode: z.enum(['any', 'all']).default('any'),
});
export type ApprovalNode = z.infer<typeof approvalNodeSchema>;

export const approvalSchema = z
  .looseObject({
    type: z.literal('approval'),
    title: z.string().max(200).optional(),
    model: z
      .string()
      .regex(/^models\.[A-Z][A-Za-z0-9]{0,63}$/, 'expected a model name such as models.Order'),
    condition: conditionSchema.optional().nullable(),
    nodes: z.array(approvalNodeSchema).min(1, 'a flow needs at least one node'),
  })
  .superRefine((flow, ctx) => {
    const seen = new Set<string>();
    flow.nodes.forEach((node, i) => {
      if (seen.has(node.id))
        ctx.addIssue({
          code: 'custom',
          path: ['nodes', i, 'id'],
          message: `duplicate node id "${node.id}"`,
        });
      seen.add(node.id);
      const approvers = new Set<string>();
      node.approvers.forEach((a, j) => {
        const key = typeof a === 'string' ? a : `field:${a.field}`;
        if (approvers.has(key))
          ctx.addIssue({
            code: 'custom',
            path: ['nodes', i, 'approvers', j],
            message: `${typeof a === 'string' ? `"${a}"` : `field "${a.field}"`} is listed twice`,
          });
        approvers.add(key);
      });
    });
  });
export type ApprovalDefinition = z.infer<typeof approvalSchema>;

const options = {
  fromStatuses: z.array(z.enum(APPROVAL_STATUSES)).optional(),
  toStatuses: z.array(z.enum(APPROVAL_STATUSES)).optional(),
  nodes: z.array(z.string().regex(NODE_ID, 'not a node id')).optional(),
  actions: z.array(z.enum(APPROVAL_ACTIONS)).optional(),
};

/** An approval event: an approval flow's status changing, the flow reaching a node, or any action on it. */
export const approvalEventSchema = z
  .looseObject({
    ...eventCommon,
    kind: z.literal('approval'),
    flow: z
      .string()
      .regex(
        /^approvals\.[A-Z][A-Za-z0-9]{0,63}$/,
        'expected an approval flow name such as approvals.Discount',
      ),
    timing: z.enum(APPROVAL_TIMINGS),
    ...options,
  })
  .superRefine((e, ctx) => {
    for (const key of Object.keys(options) as (keyof typeof options)[]) {
      const own = (APPROVAL_TIMING_OPTIONS[e.timing] as readonly string[]).includes(key);
      if (!own && e[key]?.length) {
        const timing = (Object.keys(APPROVAL_TIMING_OPTIONS) as ApprovalTiming[]).find((t) =>
          (APPROVAL_TIMING_OPTIONS[t] as readonly string[]).includes(key),
        );
        ctx.addIssue({ code: 'custom', path: [key], message: `${key} applies to ${timing} only` });
      }
    }
    if (e.retry && !e.async)
      ctx.addIssue({
        code: 'custom',
        path: ['retry'],
        message: 'retry applies to async events only',
      });
  });
export type ApprovalEventDefinition = z.infer<typeof approvalEventSchema>;

import { z } from 'zod';
import { conditionSchema } from './conditions.js';
import { fieldSchema } from './fields.js';
import {
  approvalEventSchema,
  approvalSchema,
  type ApprovalDefinition,
  type ApprovalEventDefinition,
} from './approvals.js';
import { eventCommon } from './event-common.js';
import { builtinNameMessage, isBuiltinName } from './names.js';

export const appSchema = z.looseObject({
  name: z.string().min(1),
  title: z.string().optional(),
  users: z.array(z.looseObject({ id: z.string().min(1), name: z.string().optional() })).optional(),
  limits: z.looseObject({ maxDepth: z.number().int().min(1).max(256).optional() }).optional(),
});
export type AppDefinition = z.infer<typeof appSchema>;

export const modelSchema = z
  .looseObject({
    type: z.literal('model'),
    title: z.string().max(200).optional(),
    fields: z.array(fieldSchema),
  })
  .superRefine((m, ctx) => {
    const seen = new Set<string>();
    m.fields.forEach((f, i) => {
      const key = f.name.toLowerCase();
      if (seen.has(key))
        ctx.addIssue({
          code: 'custom',
          path: ['fields', i, 'name'],
          message: `duplicate field "${f.name}"`,
        });
      seen.add(key);
    });
  });
export type ModelDefinition = z.infer<typeof modelSchema>;

export const paramSchema = z.object({
  name: z.string().regex(/^[A-Za-z_$][A-Za-z0-9_$]*$/, 'not an identifier'),
  type: z.string().min(1),
  title: z.string().optional(),
  /** A call that leaves it out (or passes null) is refused; optional parameters arrive undefined. */
  required: z.boolean().optional(),
});

/** What a service function's parameter may be: a value type its arguments are checked against, or `event:<kind>`. */
export const PARAM_VALUE_TYPES = [
  'text',
  'number',
  'integer',
  'boolean',
  'date',
  'datetime',
  'json',
] as const;
/** What a service function may declare it returns. */
export const RETURN_TYPES = [...PARAM_VALUE_TYPES, 'void'] as const;

export const serviceSchema = z
  .looseObject({
    type: z.literal('service'),
    title: z.string().max(200).optional(),
    functions: z
      .array(
        z.object({
          name: z.string().regex(/^[A-Za-z_$][A-Za-z0-9_$]*$/, 'not an identifier'),
          title: z.string().optional(),
          params: z.array(paramSchema).default([]),
          returns: z.string().optional(),
        }),
      )
      .default([]),
    eventDescs: z
      .array(
        z.object({
          name: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/),
          title: z.string().optional(),
          desc: z.string().optional(),
        }),
      )
      .default([]),
  })
  .superRefine((svc, ctx) => {
    // Typed parameters: an unknown type would be passed through unchecked and could never fit an event.
    const paramTypes = [
      ...PARAM_VALUE_TYPES,
      ...Object.keys(eventSchemas).map((k) => `event:${k}`),
    ];
    const fns = new Set<string>();
    // A name is refused when every JavaScript object has it, or when its list already holds it.
    const checkName = (
      name: string,
      seen: Set<string>,
      path: (string | number)[],
      what: string,
    ) => {
      if (isBuiltinName(name))
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'name'],
          message: builtinNameMessage(name),
        });
      if (seen.has(name))
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'name'],
          message: `duplicate ${what} "${name}"`,
        });
      seen.add(name);
    };
    svc.functions.forEach((f, i) => {
      checkName(f.name, fns, ['functions', i], 'function');
      const params = new Set<string>();
      f.params.forEach((p, j) => {
        checkName(p.name, params, ['functions', i, 'params', j], 'parameter');
        if (!paramTypes.includes(p.type))
          ctx.addIssue({
            code: 'custom',
            path: ['functions', i, 'params', j, 'type'],
            message: `unknown parameter type "${p.type}"; expected one of ${paramTypes.join(', ')}`,
          });
      });
      if (f.returns !== undefined && !(RETURN_TYPES as readonly string[]).includes(f.returns))
        ctx.addIssue({
          code: 'custom',
          path: ['functions', i, 'returns'],
          message: `unknown return type "${f.returns}"; expected one of ${RETURN_TYPES.join(', ')}`,
        });
    });
    const events = new Set<string>();
    svc.eventDescs.forEach((e, i) => checkName(e.name, events, ['eventDescs', i], 'event'));
  });
export type ServiceDefinition = z.infer<typeof serviceSchema>;

export const MODEL_TIMINGS = [
  'beforeCreate',
  'afterCreate',
  'beforeUpdate',
  'afterUpdate',
  'beforeDelete',
  'afterDelete',
  'afterWrite',
] as const;
export type ModelTiming = (typeof MODEL_TIMINGS)[number];
export const UPDATE_TIMINGS: readonly ModelTiming[] = ['beforeUpdate', 'afterUpdate', 'afterWrite'];
export const BEFORE_TIMINGS: readonly ModelTiming[] = [
  'beforeCreate',
  'beforeUpdate',
  'beforeDelete',
];

export const modelEventSchema = z
  .looseObject({
    ...eventCommon,
    kind: z.literal('model'),
    model: z
      .string()
      .regex(/^models\.[A-Z][A-Za-z0-9]{0,63}$/, 'expected a model name such as models.Order'),
    timing: z.enum(MODEL_TIMINGS),
    fields: z.array(z.string()).default([]),
    filter: conditionSchema.optional().nullable(),
    filterMode: z.enum(['matches', 'becomesMatching']).default('matches'),
  })
  .superRefine((e, ctx) => {
    if (e.async && BEFORE_TIMINGS.includes(e.timing))
      ctx.addIssue({ code: 'custom', path: ['async'], message: 'before timings always run sync' });
    if (e.fields.length && !UPDATE_TIMINGS.includes(e.timing))
      ctx.addIssue({
        code: 'custom',
        path: ['fields'],
        message: 'trigger fields apply to update timings and afterWrite only',
      });
    if (e.filterMode === 'becomesMatching' && !UPDATE_TIMINGS.includes(e.timing))
      ctx.addIssue({
        code: 'custom',
        path: ['filterMode'],
        message: '"becomesMatching" applies to update timings and afterWrite only',
      });
    if (e.filterMode === 'becomesMatching' && !e.filter)
      ctx.addIssue({
        code: 'custom',
        path: ['filter'],
        message: '"becomesMatching" needs a filter',
      });
    if (e.retry && !e.async)
      ctx.addIssue({
        code: 'custom',
        path: ['retry'],
        message: 'retry applies to async events only',
      });
  });
export type ModelEventDefinition = z.infer<typeof modelEventSchema>;

export const customEventSchema = z.looseObject({
  ...eventCommon,
  kind: z.literal('custom'),
  sender: z
    .string()
    .regex(
      /^services\.[A-Z][A-Za-z0-9]{0,63}\.[A-Za-z][A-Za-z0-9_]*$/,
      'expected services.<Service>.<event>',
    ),
});
export type CustomEventDefinition = z.infer<typeof customEventSchema>;

/** Every event kind's definition schema, keyed by kind. Kinds register here and in the runtime. */
export const eventSchemas = {
  model: modelEventSchema,
  custom: customEventSchema,
  approval: approvalEventSchema,
} as const;
export type EventKind = keyof typeof eventSchemas;
export type EventDefinition =
  ModelEventDefinition | CustomEventDefinition | ApprovalEventDefinition;

export type ElementDefinition =
  ModelDefinition | ServiceDefinition | ApprovalDefinition | EventDefinition;

export type ElementProblem = { file: string; field: string; reason: string };

/** Turns zod issues into problem reports naming the file and JSON path. */
export function zodProblems(file: string, error: z.ZodError): ElementProblem[] {
  return error.issues.map((i) => ({
    file,
    field: i.path.length ? i.path.join('.') : '(root)',
    reason: i.message,
  }));
}

/** Parses an element definition by its `type` (and `kind` for events). */
export function parseElement(
  file: string,
  raw: unknown,
): { ok: true; definition: ElementDefinition } | { ok: false; problems: ElementProblem[] } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, problems: [{ file, field: '(root)', reason: 'expected a JSON object' }] };
  const r = raw as { type?: unknown; kind?: unknown };
  let schema: z.ZodType<ElementDefinition>;
  if (r.type === 'model') schema = modelSchema;
  else if (r.type === 'service') schema = serviceSchema as z.ZodType<ElementDefinition>;
  else if (r.type === 'approval') schema = approvalSchema as z.ZodType<ElementDefinition>;
  else if (r.type === 'event') {
    const kindSchema = eventSchemas[r.kind as EventKind];
    if (!kindSchema)
      return {
        ok: false,
        problems: [
          {
            file,
            field: 'kind',
            reason: `unknown event kind ${JSON.stringify(r.kind)}; known: ${Object.keys(eventSchemas).join(', ')}`,
          },
        ],
      };
    schema = kindSchema as z.ZodType<ElementDefinition>;
  } else
    return {
      ok: false,
      problems: [
        {
          file,
          field: 'type',
          reason: `unknown element type ${JSON.stringify(r.type)}; known: model, service, approval, event`,
        },
      ],
    };
  const parsed = schema.safeParse(raw);
  return parsed.success
    ? { ok: true, definition: parsed.data }
    : { ok: false, problems: zodProblems(file, parsed.error) };
}

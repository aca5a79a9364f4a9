import { z } from 'zod';
import { FULL_NAME } from './names.js';

export const handlerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('inline') }),
  z.object({
    type: z.literal('service'),
    service: z.string().regex(FULL_NAME),
    function: z.string().min(1),
  }),
]);
export type HandlerRef = z.infer<typeof handlerSchema>;

/** Settings every event kind shares. */
export const eventCommon = {
  type: z.literal('event'),
  title: z.string().max(200).optional(),
  tags: z.array(z.string()).optional(),
  handler: handlerSchema.default({ type: 'inline' }),
  async: z.boolean().default(false),
  order: z.number().int().default(100),
  enabled: z.boolean().default(false),
  timeoutMs: z.number().int().min(1).max(60_000).default(1000),
  retry: z
    .object({
      attempts: z.number().int().min(1).max(100),
      backoffMs: z.number().int().min(0).max(86_400_000),
    })
    .optional(),
};

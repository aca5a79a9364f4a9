import {
  EXECUTION_STATUSES,
  WhenThenError,
  type ExecutionStatus,
  type Runtime,
} from '@whenthen/runtime';
import type { FastifyInstance } from 'fastify';
import { badQuery } from '../http-errors.js';
import { intParam, onlyParams, stringParam, timeParam } from '../query.js';

type Q = { Querystring: Record<string, string | string[] | undefined> };

/** Execution records and the notifications the Message service sent. */
export function recordRoutes(app: FastifyInstance, runtime: Runtime): void {
  app.get<Q>('/api/executions', async (req) => {
    const q = req.query;
    onlyParams(q, ['event', 'status', 'from', 'to', 'recordId', 'requestId', 'limit', 'offset']);
    const status = stringParam(q, 'status');
    if (status !== undefined && !EXECUTION_STATUSES.includes(status as ExecutionStatus))
      throw badQuery('status', `expected one of ${EXECUTION_STATUSES.join(', ')}`);
    const from = timeParam(q, 'from');
    const to = timeParam(q, 'to');
    if (from !== undefined && to !== undefined && from > to)
      throw badQuery('to', 'must not be before from');
    return runtime.executions.list({
      event: stringParam(q, 'event'),
      status: status as ExecutionStatus | undefined,
      from,
      to,
      recordId: intParam(q, 'recordId', { min: 0 }),
      requestId: stringParam(q, 'requestId'),
      limit: intParam(q, 'limit', { min: 1, max: 1000, default: 50 }),
      offset: intParam(q, 'offset', { min: 0, default: 0 }),
    });
  });
  app.get<{ Params: { id: string } }>('/api/executions/:id', async (req) => {
    const detail = runtime.executions.detail(req.params.id);
    if (!detail) throw new WhenThenError('NOT_FOUND', `execution ${req.params.id} not found`);
    return detail;
  });
  app.get<Q>('/api/notifications', async (req) => {
    onlyParams(req.query, ['limit', 'offset', 'to']);
    return runtime.notifications.list({
      limit: intParam(req.query, 'limit', { min: 1, max: 1000, default: 50 }),
      offset: intParam(req.query, 'offset', { min: 0, default: 0 }),
      to: stringParam(req.query, 'to'),
    });
  });
}

import { rootChain, type Runtime } from '@whenthen/runtime';
import { APPROVAL_STATUSES, type ApprovalStatus } from '@whenthen/schema';
import type { FastifyInstance } from 'fastify';
import { badQuery } from '../http-errors.js';
import { idParam, intParam, onlyParams, stringParam } from '../query.js';

type Q = { Querystring: Record<string, string | string[] | undefined> };
type Instance = { Params: { id: string } };

/** Approval instances: submit a record to a flow, act on an instance, list and read them; the app's users. */
export function approvalRoutes(app: FastifyInstance, runtime: Runtime): void {
  app.get('/api/users', async () => {
    const items = runtime.approvals.users();
    return { total: items.length, items };
  });
  app.post<{ Params: { flow: string } }>('/api/approvals/:flow/instances', async (req, reply) => {
    const chain = rootChain();
    const instance = runtime.approvals.submit(req.params.flow, req.body, chain);
    // The request id finds every run the action set off (GET /api/executions?requestId=…).
    return reply.status(201).send({ ...instance, requestId: chain.requestId });
  });
  app.post<Instance>('/api/approvals/instances/:id/actions', async (req) => {
    const chain = rootChain();
    const instance = runtime.approvals.act(idParam(req.params.id), req.body, chain);
    return { ...instance, requestId: chain.requestId };
  });
  app.get<Q>('/api/approvals/instances', async (req) => {
    const q = req.query;
    onlyParams(q, ['flow', 'status', 'assignee', 'recordId', 'limit', 'offset']);
    const status = stringParam(q, 'status');
    if (status !== undefined && !APPROVAL_STATUSES.includes(status as ApprovalStatus))
      throw badQuery('status', `expected one of ${APPROVAL_STATUSES.join(', ')}`);
    return runtime.approvals.list({
      flow: stringParam(q, 'flow'),
      status: status as ApprovalStatus | undefined,
      assignee: stringParam(q, 'assignee'),
      recordId: intParam(q, 'recordId', { min: 0 }),
      limit: intParam(q, 'limit', { min: 1, max: 1000, default: 50 }),
      offset: intParam(q, 'offset', { min: 0, default: 0 }),
    });
  });
  app.get<Instance>('/api/approvals/instances/:id', async (req) =>
    runtime.approvals.get(idParam(req.params.id)),
  );
}

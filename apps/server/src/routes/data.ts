import { WhenThenError, type Runtime } from '@whenthen/runtime';
import type { FastifyInstance } from 'fastify';
import { badQuery } from '../http-errors.js';
import { idParam, intParam, jsonParam, onlyParams, stringParam } from '../query.js';

type Q = Record<string, string | string[] | undefined>;
type Model = { Params: { model: string }; Querystring: Q };
type Record_ = { Params: { model: string; id: string } };

/** Records of a model; every write runs the model's events. */
export function dataRoutes(app: FastifyInstance, runtime: Runtime): void {
  const data = runtime.data;
  app.post<Model>('/api/data/:model', async (req, reply) =>
    reply.status(201).send(data.create(req.params.model, req.body)),
  );
  app.get<Model>('/api/data/:model', async (req) => {
    onlyParams(req.query, ['where', 'limit', 'offset', 'orderBy']);
    return data.query(req.params.model, jsonParam(req.query, 'where'), {
      limit: intParam(req.query, 'limit', { min: 1, max: 1000, default: 50 })!,
      offset: intParam(req.query, 'offset', { min: 0, default: 0 })!,
      orderBy: stringParam(req.query, 'orderBy'),
    });
  });
  app.get<Record_>('/api/data/:model/:id', async (req) => {
    const row = data.get(req.params.model, idParam(req.params.id));
    if (!row)
      throw new WhenThenError('NOT_FOUND', `${req.params.model} record ${req.params.id} not found`);
    return row;
  });
  app.patch<Record_>('/api/data/:model/:id', async (req) =>
    data.update(req.params.model, idParam(req.params.id), req.body),
  );
  app.delete<Record_>('/api/data/:model/:id', async (req) =>
    data.delete(req.params.model, idParam(req.params.id)),
  );
  app.patch<Model>('/api/data/:model', async (req) => {
    onlyParams(req.query, ['where']);
    const where = jsonParam(req.query, 'where');
    if (where === undefined) throw badQuery('where', 'a condition is required for bulk writes');
    const body = req.body as { set?: unknown } | null;
    if (!body || typeof body !== 'object' || body.set === undefined)
      throw badQuery('set', 'send { "set": { field: value } }');
    const extra = Object.keys(body).find((k) => k !== 'set');
    if (extra !== undefined)
      throw badQuery(
        extra,
        extra === 'where'
          ? 'send the condition as ?where= in the URL'
          : 'the body takes only { "set": { field: value } }',
      );
    return data.updateMany(req.params.model, where, body.set);
  });
  app.delete<Model>('/api/data/:model', async (req) => {
    onlyParams(req.query, ['where']);
    const where = jsonParam(req.query, 'where');
    if (where === undefined) throw badQuery('where', 'a condition is required for bulk deletes');
    return data.deleteMany(req.params.model, where);
  });
}

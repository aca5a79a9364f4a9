import type { Runtime } from '@whenthen/runtime';
import type { FastifyInstance } from 'fastify';
import { badQuery } from '../http-errors.js';

/** Element bodies are JSON objects; anything else is refused saying so. */
function objectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw badQuery(
      'body',
      'send a JSON object (Content-Type: application/json), e.g. { "name": "events.X", "definition": { … } }',
    );
  return body as Record<string, unknown>;
}

type Named = { Params: { name: string } };

/** Elements of the application folder, and the event switch. */
export function elementRoutes(app: FastifyInstance, runtime: Runtime): void {
  app.get('/api/elements', async () => runtime.listElements());
  app.get<Named>('/api/elements/:name', async (req) => runtime.getElement(req.params.name));
  app.post<{ Body: { name?: unknown; definition?: unknown; code?: unknown } }>(
    '/api/elements',
    async (req, reply) => {
      const body = objectBody(req.body) as { name?: unknown; definition?: unknown; code?: unknown };
      return reply
        .status(201)
        .send(
          runtime.createElement({ name: body.name, definition: body.definition, code: body.code }),
        );
    },
  );
  app.put<Named & { Body: { definition?: unknown; code?: unknown; version?: unknown } }>(
    '/api/elements/:name',
    async (req) => {
      const body = objectBody(req.body) as {
        definition?: unknown;
        code?: unknown;
        version?: unknown;
      };
      // The version is what makes a replace safe against a concurrent edit, so it is not optional here.
      if (typeof body.version !== 'string' || body.version === '')
        throw badQuery(
          'version',
          'send the version GET /api/elements/:name returned (a replace without it could undo another edit)',
        );
      // A replace carries the whole definition; without one it would be read as "all removed".
      if (body.definition === undefined)
        throw badQuery(
          'definition',
          'send the whole definition (GET /api/elements/:name returns it); a replace without it is refused',
        );
      return runtime.replaceElement(req.params.name, { ...body, definition: body.definition });
    },
  );
  app.delete<Named>('/api/elements/:name', async (req) => runtime.deleteElement(req.params.name));
  app.post<Named>('/api/events/:name/enable', async (req) =>
    runtime.setEnabled(req.params.name, true),
  );
  app.post<Named>('/api/events/:name/disable', async (req) =>
    runtime.setEnabled(req.params.name, false),
  );
}

import fastifyStatic from '@fastify/static';
import type { Runtime } from '@whenthen/runtime';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { badQuery, sendError } from './http-errors.js';
import { MAX_DEPTH, nestingDepth } from './query.js';
import { approvalRoutes } from './routes/approvals.js';
import { dataRoutes } from './routes/data.js';
import { elementRoutes } from './routes/elements.js';
import { recordRoutes } from './routes/records.js';
import { serviceRoutes } from './routes/services.js';

export type ServerOptions = { runtime: Runtime; token: string; ideDir?: string; logger?: boolean };

/**
 * Whether a request needs the token. The router decodes the path (`/%61pi/elements` reaches the
 * `/api/elements` route), so the matched route decides; an unmatched path is judged decoded.
 */
function needsToken(req: FastifyRequest): boolean {
  const route = req.routeOptions.url;
  if (route !== undefined && route.startsWith('/api/')) return route !== '/api/health';
  const raw = req.url.split('?')[0]!;
  let path = raw;
  try {
    path = decodeURIComponent(raw);
  } catch {
    // a malformed escape: judged as sent
  }
  return (path.startsWith('/api/') || raw.startsWith('/api/')) && path !== '/api/health';
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The HTTP skin over a runtime: REST API under /api (bearer token), the built IDE at /. */
export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 10 * 1024 * 1024,
    // Errors the router raises before any hook (a malformed %-escape in the path) use the envelope too.
    frameworkErrors: (error, request, reply) => sendError(error, request, reply),
  });
  app.setErrorHandler((error, request, reply) => sendError(error, request, reply));
  // A body-less POST (the event switch) or DELETE is fine; bad JSON is a 400 with details.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      return done(
        Object.assign(new SyntaxError((e as Error).message), { statusCode: 400 }),
        undefined,
      );
    }
    if (nestingDepth(parsed) > MAX_DEPTH)
      return done(badQuery('body', `nested more than ${MAX_DEPTH} levels deep`), undefined);
    done(null, parsed);
  });

  app.addHook('onRequest', async (req, reply) => {
    if (!needsToken(req)) return;
    const header = req.headers.authorization ?? '';
    const given = /^bearer /i.test(header) ? header.slice(7).trim() : '';
    if (!given || !sameToken(given, opts.token))
      return reply
        .status(401)
        .send({ error: { code: 'UNAUTHORIZED', message: 'Missing or wrong bearer token' } });
  });

  app.get('/api/health', async () => ({ ok: true }));
  elementRoutes(app, opts.runtime);
  dataRoutes(app, opts.runtime);
  recordRoutes(app, opts.runtime);
  serviceRoutes(app, opts.runtime);
  approvalRoutes(app, opts.runtime);

  // wildcard: files are looked up per request, so a rebuilt IDE is served without a restart.
  if (opts.ideDir && existsSync(opts.ideDir))
    await app.register(fastifyStatic, { root: opts.ideDir, wildcard: true });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/'))
      return reply.status(404).send({
        error: { code: 'NOT_FOUND', message: `No route ${req.method} ${req.url.split('?')[0]}` },
      });
    if (opts.ideDir && existsSync(opts.ideDir) && req.method === 'GET')
      return reply.sendFile('index.html');
    return reply
      .status(404)
      .send({ error: { code: 'NOT_FOUND', message: 'The IDE is not built; run npm run build' } });
  });
  return app;
}

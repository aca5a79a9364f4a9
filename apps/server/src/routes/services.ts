import { rootChain, type Runtime } from '@whenthen/runtime';
import type { FastifyInstance } from 'fastify';

type Call = { Params: { service: string; function: string } };

/** Service functions, callable with the body as arguments. */
export function serviceRoutes(app: FastifyInstance, runtime: Runtime): void {
  app.get<{ Params: { service: string } }>('/api/services/:service', async (req) =>
    runtime.services.describe(req.params.service),
  );
  app.post<Call>('/api/services/:service/:function', async (req) => {
    const chain = rootChain();
    const result = runtime.services.call(
      req.params.service,
      req.params.function,
      req.body ?? {},
      chain,
    );
    // The request id finds every run the call set off (GET /api/executions?requestId=…).
    return { result: result ?? null, requestId: chain.requestId };
  });
}

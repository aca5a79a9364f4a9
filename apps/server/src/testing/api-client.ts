import type { FastifyInstance } from 'fastify';

/**
 * A REST client for tests: requests through `inject` (no socket) with the bearer token; a body
 * is sent as JSON, a string body as is (for bad JSON). `server` is read on every call, so tests
 * may build a new server per test.
 */
export function apiClient(server: () => FastifyInstance, token: string) {
  return (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    server().inject({
      method: method as 'GET',
      url,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      payload:
        body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
}

import { getToken } from '../auth/token';
import { useAuthStore } from '../auth/auth-store';
import type { ErrorDetail } from './types';

/** An error answered by the server (or the network), in the shape of the REST error envelope. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];
  readonly executionId: string | null;

  constructor(
    status: number,
    code: string,
    message: string,
    details: ErrorDetail[] = [],
    executionId: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.executionId = executionId;
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Query = Record<string, string | number | boolean | null | undefined>;

/** Builds `?a=1&b=2`, leaving out empty values. */
export function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * Calls the WhenThen REST API with the stored bearer token. A 401 switches the whole IDE to the
 * "paste your token" screen; every other failure is thrown as an ApiError.
 */
export async function request<T>(
  method: Method,
  path: string,
  options: { query?: Query; body?: unknown } = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`api${path}${queryString(options.query)}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (cause) {
    throw new ApiError(
      0,
      'NETWORK',
      `The WhenThen server cannot be reached (${(cause as Error).message}).`,
    );
  }
  const text = await response.text();
  let payload: unknown = null;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = null;
    }
  }
  if (response.ok) return payload as T;
  const envelope = (
    payload as {
      error?: Partial<{
        code: string;
        message: string;
        details: ErrorDetail[];
        executionId: string;
      }>;
    } | null
  )?.error;
  const error = new ApiError(
    response.status,
    envelope?.code ?? `HTTP_${response.status}`,
    envelope?.message ?? (response.statusText || `Request failed with status ${response.status}`),
    Array.isArray(envelope?.details) ? envelope.details : [],
    envelope?.executionId ?? null,
  );
  if (response.status === 401) useAuthStore.getState().requireToken(error.message);
  throw error;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown, query?: Query) =>
    request<T>('POST', path, { body: body ?? {}, query }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown, query?: Query) =>
    request<T>('PATCH', path, { body, query }),
  delete: <T>(path: string, query?: Query) => request<T>('DELETE', path, { query }),
};

/** Encodes a full element name for a path segment (`events.X` stays readable). */
export const seg = (name: string | number): string => encodeURIComponent(String(name));

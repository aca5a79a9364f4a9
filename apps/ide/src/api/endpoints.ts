import type { Condition } from '@whenthen/schema';
import { api, seg } from './client';
import type {
  DataRecord,
  ElementDocument,
  ElementList,
  ElementSummary,
  Execution,
  ExecutionDetail,
  ExecutionStatus,
  Notification,
  Page,
} from './types';

/** The REST routes of DESIGN §8 the IDE uses, one typed function each. */
export const elementsApi = {
  list: () => api.get<ElementList>('/elements'),
  // A file that is not valid JSON comes back with `definition: null`; the pages read it as an empty
  // object (and show the element's problems) rather than each guarding against null.
  get: async (name: string): Promise<ElementDocument> => {
    const doc = await api.get<ElementDocument>(`/elements/${seg(name)}`);
    return { ...doc, definition: doc.definition ?? {} };
  },
  create: (name: string, definition: unknown, code?: string) =>
    api.post<ElementDocument>('/elements', {
      name,
      definition,
      ...(code === undefined ? {} : { code }),
    }),
  update: (name: string, definition: unknown, version: string, code?: string) =>
    api.put<ElementDocument>(`/elements/${seg(name)}`, {
      definition,
      version,
      ...(code === undefined ? {} : { code }),
    }),
  remove: (name: string) => api.delete<unknown>(`/elements/${seg(name)}`),
  setEnabled: (name: string, enabled: boolean) =>
    api.post<ElementSummary | ElementDocument>(
      `/events/${seg(name)}/${enabled ? 'enable' : 'disable'}`,
    ),
};

export type DataQuery = {
  where?: Condition | null;
  limit?: number;
  offset?: number;
  orderBy?: string;
};

export const dataApi = {
  query: (model: string, q: DataQuery) =>
    api.get<Page<DataRecord>>(`/data/${seg(model)}`, {
      where: q.where ? JSON.stringify(q.where) : undefined,
      limit: q.limit,
      offset: q.offset,
      orderBy: q.orderBy,
    }),
  get: (model: string, id: number) => api.get<DataRecord>(`/data/${seg(model)}/${seg(id)}`),
  create: (model: string, values: Record<string, unknown>) =>
    api.post<DataRecord>(`/data/${seg(model)}`, values),
  update: (model: string, id: number, patch: Record<string, unknown>) =>
    api.patch<DataRecord>(`/data/${seg(model)}/${seg(id)}`, patch),
  remove: (model: string, id: number) => api.delete<DataRecord>(`/data/${seg(model)}/${seg(id)}`),
};

export type ExecutionQuery = {
  event?: string;
  status?: ExecutionStatus;
  from?: string;
  to?: string;
  recordId?: string;
  requestId?: string;
  limit: number;
  offset: number;
};

export const executionsApi = {
  list: (q: ExecutionQuery) => api.get<Page<Execution>>('/executions', q),
  get: (id: string) => api.get<ExecutionDetail>(`/executions/${seg(id)}`),
};

export const notificationsApi = {
  list: (q: { limit?: number; offset?: number } = {}) =>
    api.get<Page<Notification>>('/notifications', q),
};

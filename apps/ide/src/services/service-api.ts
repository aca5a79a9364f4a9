import { api, seg } from '../api/client';
import type { Execution, Page } from '../api/types';

/** What a service offers (GET /api/services/:service). */
export type ServiceDescription = {
  name: string;
  functions: {
    name: string;
    title?: string;
    params: { name: string; type: string }[];
    returns?: string;
  }[];
  eventDescs: { name: string; title?: string; desc?: string }[];
};

/** The service routes of DESIGN §8 and the runs of one call. */
export const servicesApi = {
  describe: (service: string) => api.get<ServiceDescription>(`/services/${seg(service)}`),
  /** Calls a function with `args` as the body; `requestId` finds every run the call set off. */
  call: (service: string, fn: string, args: unknown) =>
    api.post<{ result: unknown; requestId: string }>(`/services/${seg(service)}/${seg(fn)}`, args),
  runsOf: (requestId: string) =>
    api.get<Page<Execution>>('/executions', { requestId, limit: 200, offset: 0 }),
};

import type { Execution } from '../api/types';
import { LOCALES, type MessageKey, type Translate } from '../i18n';
import type { Route } from '../router/routes';

type RunLike = Pick<Execution, 'event' | 'kind' | 'timing' | 'handler'>;

const shortOf = (name: string) => name.slice(name.indexOf('.') + 1);
const isKey = (key: string): key is MessageKey => key in LOCALES.en.messages;

/** The service a run belongs to: a call's service, a publish's sender's service. */
function serviceOf(run: RunLike): string | null {
  if (run.kind === 'service') return run.event;
  if (run.kind === 'publish') {
    const [, service] = run.event.split('.');
    return service ? `services.${service}` : null;
  }
  return null;
}

/**
 * What a run is called on cards and in lists: an event's title; for a service call the service
 * and function (`Fulfilment › ship`); for a publish its sender (`Fulfilment.shipped`).
 */
export function runTitle(run: RunLike, titleOf: (name: string) => string | undefined): string {
  if (run.kind === 'service') {
    const fn = run.timing ?? run.handler.slice(run.event.length + 1);
    return `${titleOf(run.event) ?? shortOf(run.event)} › ${fn}`;
  }
  if (run.kind === 'publish') return shortOf(run.event);
  return titleOf(run.event) ?? shortOf(run.event);
}

/** The line under the title: a model event's timing, otherwise what kind of run it is. */
export function runKindLabel(run: RunLike, t: Translate): string {
  if (run.kind !== 'service' && run.kind !== 'publish' && run.timing) {
    const key = `timing.${run.timing}`;
    return isKey(key) ? t(key) : run.timing;
  }
  const key = `runKind.${run.kind}`;
  return isKey(key) ? t(key) : run.kind;
}

/** The page of the element a run belongs to: the event, or the service that was called or published. */
export function runElementRoute(run: RunLike): Route {
  const service = serviceOf(run);
  if (service) return { page: 'service', name: service };
  // An approval action's record is named after its flow.
  if (run.kind === 'approvalAction') return { page: 'approval', name: run.event };
  return { page: 'event', name: run.event };
}

import type { Translate } from '../i18n';

type Param = { name: string; type: string };
type FunctionShape = { name: string; title?: string; params: readonly Param[] };
type ServiceShape = { name: string; title: string; functions: readonly FunctionShape[] };

/** Why a function cannot handle events of a kind. */
export type MisfitReason =
  | { code: 'noParams' }
  | { code: 'tooMany'; params: readonly Param[] }
  | { code: 'wrongType'; param: Param };

/** Whether a service function can handle events of a kind, and the parameter it would receive. */
export type Fit = { fits: true; param: Param } | { fits: false; reason: MisfitReason };

/**
 * The rule the server applies (DESIGN §4): a function fits a kind when it declares exactly one
 * parameter, of type `event:<kind>`; it is then called as `fn(payload, app)`.
 */
export function functionFit(fn: FunctionShape, kind: string): Fit {
  const [first] = fn.params;
  if (!first) return { fits: false, reason: { code: 'noParams' } };
  if (fn.params.length > 1) return { fits: false, reason: { code: 'tooMany', params: fn.params } };
  if (first.type !== `event:${kind}`)
    return { fits: false, reason: { code: 'wrongType', param: first } };
  return { fits: true, param: first };
}

export function misfitText(reason: MisfitReason, kind: string, t: Translate): string {
  const type = `event:${kind}`;
  switch (reason.code) {
    case 'noParams':
      return t('handler.fitNoParams', { type });
    case 'tooMany':
      return t('handler.fitTooMany', {
        type,
        count: reason.params.length,
        params: reason.params.map((p) => `${p.name}: ${p.type}`).join(', '),
      });
    case 'wrongType':
      return t('handler.fitWrongType', {
        type,
        param: reason.param.name,
        actual: reason.param.type || '?',
      });
  }
}

/** One choice of the handler picker: every function of every service, fitting or not. */
export type HandlerChoice = {
  service: string;
  serviceTitle: string;
  fn: string;
  fnTitle: string;
  fit: Fit;
};

/** All functions of all services with their fit for a kind, services and functions in order. */
export function handlerChoices(services: readonly ServiceShape[], kind: string): HandlerChoice[] {
  return [...services]
    .sort((a, b) => a.title.localeCompare(b.title))
    .flatMap((service) =>
      service.functions.map((fn) => ({
        service: service.name,
        serviceTitle: service.title,
        fn: fn.name,
        fnTitle: fn.title || fn.name,
        fit: functionFit(fn, kind),
      })),
    );
}

/** The picker's value for a service handler: `services.Billing.onOrder`. */
export const handlerKey = (service: string, fn: string): string => `${service}.${fn}`;

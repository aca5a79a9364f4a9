import { checkValue, FIELD_TYPES, type FieldType } from '@whenthen/schema';
import { newId } from '../ids.js';
import { notFound, validationError, WhenThenError, type ErrorDetail } from '../errors.js';
import { rootChain, type Chain } from '../events/chain.js';
import { dispatch, runServices, type DispatchCore } from '../events/dispatch.js';
import { runHandler } from '../events/run-handler.js';
import { isMissing } from '../data/values.js';

/** How long a service function may run when called directly (its own code plus what it sets off). */
const SERVICE_TIMEOUT_MS = 5_000;

/**
 * Service functions and custom events. A call runs the function in the sandbox inside one write:
 * what it writes, and what its sync subscribers write, commit or roll back together.
 */
export class ServiceCalls {
  constructor(private readonly core: DispatchCore) {}

  /** Lists what a service offers: its functions (with parameters) and its declared events. */
  describe(service: string) {
    const svc = this.core.app().services.get(service);
    if (!svc) throw this.missing(service);
    return {
      name: svc.name,
      functions: svc.definition.functions,
      eventDescs: svc.definition.eventDescs,
    };
  }

  private missing(service: string): WhenThenError {
    const el = this.core.app().element(service);
    // Full names are case-sensitive in lookups; a near miss says which name exists.
    if (el && el.name !== service)
      return new WhenThenError(
        'NOT_FOUND',
        `service ${service} not found (did you mean ${el.name}?)`,
      );
    if (el?.group === 'services')
      return new WhenThenError(
        'CONFLICT',
        `${el.name} has problems: ${el.problems.map((p) => `${p.field}: ${p.reason}`).join('; ')}`,
      );
    return notFound(`service ${service}`);
  }

  call(service: string, fn: string, args: unknown, chain: Chain = rootChain()): unknown {
    const svc = this.core.app().services.get(service);
    if (!svc) throw this.missing(service);
    const f = svc.definition.functions.find((x) => x.name === fn);
    if (!f)
      throw notFound(
        `function "${fn}" of ${service} (it has ${svc.definition.functions.map((x) => x.name).join(', ') || 'none'})`,
      );
    const input = checkArgs(service, fn, f.params, args);
    return this.core.scopes.run(() => {
      const outcome = runHandler(runServices(this.core), chain, {
        event: service,
        kind: 'service',
        timing: fn,
        trigger: { service, function: fn },
        recordKey: null,
        recordId: null,
        mode: 'sync',
        attempt: 1,
        code: svc.code,
        version: svc.version,
        entry: fn,
        handler: `${service}.${fn}`,
        timeoutMs: SERVICE_TIMEOUT_MS,
        payload: () => input as Record<string, unknown>,
      });
      if (outcome.status === 'failed') throw outcome.error;
      return outcome.status === 'success' ? (outcome.draft.execution.output ?? null) : null;
    });
  }

  /**
   * Publishes a declared event: the publish is recorded in the chain, sync subscribers run now (in
   * the publisher's write), async ones are queued in it.
   */
  publish(sender: unknown, args: unknown, chain: Chain): { sender: string; subscribers: number } {
    const parts = typeof sender === 'string' ? sender.split('.') : [];
    if (parts.length !== 3 || parts[0] !== 'services')
      throw validationError([
        {
          field: 'sender',
          reason: 'expected services.<Service>.<event>, e.g. services.Billing.paid',
        },
      ]);
    const service = `services.${parts[1]}`;
    const svc = this.core.app().services.get(service);
    if (!svc) throw this.missing(service);
    const declared = svc.definition.eventDescs.map((e) => e.name);
    if (!declared.includes(parts[2]!))
      throw new WhenThenError(
        'NOT_FOUND',
        `${service} does not declare an event "${parts[2]}"; it declares ${declared.length ? declared.join(', ') : 'no events'}`,
      );
    const name = sender as string;
    const payloadArgs = args === undefined ? null : args;
    const publishId = newId();
    const now = new Date().toISOString();
    const events = this.core
      .app()
      .subscribers(`custom:${name}`)
      .filter((e) => e.definition.enabled);
    const subChain: Chain = { ...chain, parentId: publishId, depth: chain.depth + 1 };
    // The publish's record is part of the same savepoint as its subscribers: when a sync subscriber
    // fails (and the publisher catches it) the record says the publish was rolled back with them.
    this.core.scopes.run(() => {
      this.core.scopes.record({
        execution: {
          id: publishId,
          event: name,
          kind: 'publish',
          timing: null,
          trigger: { sender: name },
          recordId: null,
          status: 'success',
          skipReason: null,
          mode: 'sync',
          attempt: 1,
          occurrenceId: publishId,
          startedAt: now,
          endedAt: now,
          durationMs: 0,
          handler: 'publish',
          error: null,
          input: payloadArgs,
          output: null,
          codeVersion: null,
          requestId: chain.requestId,
          parentId: chain.parentId,
          depth: chain.depth + 1,
          rolledBack: false,
        },
        steps: [],
        code: null,
      });
      dispatch(this.core, events, subChain, () => ({
        timing: null,
        trigger: { sender: name },
        recordKey: name,
        recordId: null,
        payload: { sender: name, args: payloadArgs },
      }));
    });
    return { sender: name, subscribers: events.length };
  }
}

/** Checks call arguments against the declared parameters (field types; `json` and `event:*` take anything). */
function checkArgs(
  service: string,
  fn: string,
  params: { name: string; type: string; required?: boolean }[],
  args: unknown,
): unknown {
  if (params.some((p) => p.type.startsWith('event:'))) return args;
  const given = args ?? {};
  if (typeof given !== 'object' || Array.isArray(given))
    throw validationError([
      { field: 'args', reason: `${service}.${fn} takes an object of arguments` },
    ]);
  const details: ErrorDetail[] = [];
  const out: Record<string, unknown> = {};
  const declared = new Map(params.map((p) => [p.name, p]));
  for (const [k, v] of Object.entries(given)) {
    const p = declared.get(k);
    if (!p) {
      details.push({
        field: k,
        reason: `${service}.${fn} has no parameter "${k}" (it takes ${params.map((x) => x.name).join(', ') || 'none'})`,
      });
      continue;
    }
    if ((FIELD_TYPES as readonly string[]).includes(p.type) && p.type !== 'json') {
      const checked = checkValue({ type: p.type as FieldType }, v);
      if (!checked.ok) details.push({ field: k, reason: checked.reason });
      else out[k] = checked.value;
    } else out[k] = v;
  }
  for (const p of params) {
    if (p.required && isMissing(out[p.name]) && !details.some((d) => d.field === p.name))
      details.push({ field: p.name, reason: `${service}.${fn} needs "${p.name}" (${p.type})` });
  }
  if (details.length) throw validationError(details);
  return out;
}

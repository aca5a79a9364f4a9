import type {
  AppDefinition,
  Condition,
  ElementProblem,
  EventDefinition,
  ModelDefinition,
  ModelTiming,
  ServiceDefinition,
} from '@whenthen/schema';
import type { Sqlite } from '../data/database.js';
import { ModelStore } from '../data/model-store.js';
import { eventKinds, type KindName } from '../events/kinds.js';
import { checkFlow, type ActiveApproval } from '../approvals/check-flow.js';
import type { LoadedElement, LoadedFolder } from './app-folder.js';

/** An event ready to dispatch: its definition, checked filter, and the code that handles it. */
export type ActiveEvent<D extends EventDefinition = EventDefinition> = {
  name: string;
  kind: KindName;
  definition: D;
  filter: Condition | null;
  /** The handler's code: handler.ts, or the service's service.ts when a service function handles it. */
  code: string;
  version: string;
  /** The service function to call; undefined for an inline handler (its default export). */
  entry?: string;
  /** 'inline' or 'services.<Svc>.<fn>', as the records show it. */
  handler: string;
};

export type ActiveService = {
  name: string;
  definition: ServiceDefinition;
  code: string;
  version: string;
};

export type CodeProblem = { message: string; line?: number; column?: number } | null;
export type CodeChecker = {
  handler: (code: string) => CodeProblem;
  module: (code: string) => { error: CodeProblem; functions: { name: string }[] };
};

/**
 * The application as loaded: its elements (with their problems), a store per valid model, its
 * services, and the events of each subscription in run order. Rebuilt whole on every reload —
 * cheap, and it keeps one consistent view while files change underneath.
 */
export class Application {
  readonly app: AppDefinition;
  readonly elements: LoadedElement[];
  readonly problems: ElementProblem[];
  readonly models = new Map<string, ModelStore>();
  readonly services = new Map<string, ActiveService>();
  readonly approvals = new Map<string, ActiveApproval>();
  private readonly subscriptions = new Map<string, ActiveEvent[]>();
  private readonly byName = new Map<string, ActiveEvent>();
  private readonly merged = new Map<string, ActiveEvent[]>();
  readonly maxDepth: number;

  constructor(
    folder: LoadedFolder,
    db: Sqlite,
    readonly checkCode: CodeChecker,
  ) {
    this.app = folder.app;
    this.problems = folder.problems;
    this.elements = folder.elements;
    this.maxDepth = folder.app.limits?.maxDepth ?? 16;
    const modelNames = new Set(
      this.elements.filter((e) => e.definition?.type === 'model').map((e) => e.name),
    );
    for (const el of this.elements) {
      if (el.definition?.type !== 'model' || el.problems.length) continue;
      const short = el.name.slice('models.'.length);
      const def = el.definition as ModelDefinition;
      const file = `${el.name.replace('.', '/')}/e.json`;
      def.fields.forEach((f, i) => {
        if (f.type === 'ref' && f.model && !modelNames.has(f.model))
          el.problems.push({
            file,
            field: `fields.${i}.model`,
            reason: `${f.model} does not exist`,
          });
      });
      if (el.problems.length) continue;
      const store = new ModelStore(db, { name: el.name, short, fields: def.fields });
      if (store.problems.length) el.problems.push(...store.problems.map((p) => ({ file, ...p })));
      else this.models.set(el.name, store);
    }
    for (const el of this.elements)
      if (el.definition?.type === 'service' && !el.problems.length) this.loadService(el);
    for (const el of this.elements) {
      if (el.definition?.type !== 'approval' || el.problems.length) continue;
      const flow = checkFlow(el, this);
      if (flow) this.approvals.set(el.name, flow);
    }
    for (const el of this.elements) {
      const def = el.definition;
      if (def?.type !== 'event' || el.problems.length) continue;
      const active = this.checkEvent(el, def as EventDefinition);
      if (!active) continue;
      this.byName.set(active.name, active);
      const key = eventKinds[active.kind].subscription(active.definition as never);
      const list = this.subscriptions.get(key) ?? [];
      list.push(active);
      this.subscriptions.set(key, list);
    }
    for (const list of this.subscriptions.values()) list.sort(byOrder);
  }

  private loadService(el: LoadedElement): void {
    const def = el.definition as ServiceDefinition;
    const file = `${el.name.replace('.', '/')}/service.ts`;
    if (el.code === null) {
      if (def.functions.length)
        el.problems.push({
          file,
          field: '(file)',
          reason: 'missing service.ts for the declared functions',
        });
    } else {
      const { error, functions } = this.checkCode.module(el.code);
      if (error)
        el.problems.push({
          file,
          field: error.line ? `line ${error.line}` : '(code)',
          reason: error.message,
        });
      else {
        const exported = new Set(functions.map((f) => f.name));
        def.functions.forEach((f, i) => {
          if (!exported.has(f.name))
            el.problems.push({
              file: file.replace('service.ts', 'e.json'),
              field: `functions.${i}.name`,
              reason: `service.ts does not export a function "${f.name}"`,
            });
        });
      }
    }
    if (!el.problems.length)
      this.services.set(el.name, {
        name: el.name,
        definition: def,
        code: el.code ?? '',
        version: el.version,
      });
  }

  /** Cross-element checks; a failing event is reported on its element and left out. */
  private checkEvent(el: LoadedElement, def: EventDefinition): ActiveEvent | null {
    const file = `${el.name.replace('.', '/')}/e.json`;
    const problem = (field: string, reason: string) => el.problems.push({ file, field, reason });
    const kind = def.kind as KindName;
    const unit = eventKinds[kind];
    const filter = unit.check(def as never, this, problem) ?? null;
    let code: string | null = null;
    let version = el.version;
    let entry: string | undefined;
    let handler = 'inline';
    if (def.handler.type === 'inline') {
      code = el.code;
      if (code === null) problem('handler', 'an inline handler needs handler.ts');
      else {
        const err = this.checkCode.handler(code);
        if (err)
          el.problems.push({
            file: file.replace('e.json', 'handler.ts'),
            field: err.line ? `line ${err.line}` : '(code)',
            reason: err.message,
          });
      }
    } else {
      const reason = this.serviceHandlerProblem(def.handler.service, def.handler.function, kind);
      if (reason) problem('handler', reason);
      else {
        const svc = this.services.get(def.handler.service)!;
        code = svc.code;
        version = svc.version;
        entry = def.handler.function;
        handler = `${def.handler.service}.${def.handler.function}`;
      }
    }
    if (el.problems.length) return null;
    return { name: el.name, kind, definition: def, filter, code: code!, version, entry, handler };
  }

  /** Why a service function cannot handle events of a kind (null when it fits). */
  serviceHandlerProblem(service: string, fn: string, kind: string): string | null {
    const svc = this.services.get(service);
    if (!svc) return `${service} does not exist or has problems`;
    const f = svc.definition.functions.find((x) => x.name === fn);
    if (!f) return `${service} has no function "${fn}"`;
    const wanted = `event:${kind}`;
    if (f.params.length !== 1 || f.params[0]!.type !== wanted)
      return `${service}.${fn} does not fit a ${kind} event: it must declare exactly one parameter of type ${wanted} (it declares ${f.params.map((p) => `${p.name}: ${p.type}`).join(', ') || 'none'})`;
    return null;
  }

  /** An element by name, ignoring case (names are unique ignoring case); the exact spelling first. */
  element(name: string): LoadedElement | undefined {
    const lower = name.toLowerCase();
    return (
      this.elements.find((e) => e.name === name) ??
      this.elements.find((e) => e.name.toLowerCase() === lower)
    );
  }

  model(name: string): ModelStore | undefined {
    return this.models.get(name);
  }

  /** The ref fields, in any model, that point at records of `model`. */
  referrers(model: string): { store: ModelStore; field: string }[] {
    const out: { store: ModelStore; field: string }[] = [];
    for (const store of this.models.values())
      for (const f of store.spec.fields)
        if (f.type === 'ref' && f.model === model) out.push({ store, field: f.name });
    return out;
  }

  /** An event that loaded without problems, by its full name. */
  event(name: string): ActiveEvent | undefined {
    return this.byName.get(name);
  }

  /** The events of one subscription key (see each kind's `subscription`), in run order. */
  subscribers(key: string): ActiveEvent[] {
    return this.subscriptions.get(key) ?? [];
  }

  /** Model events of a model for the given timings, merged in run order (cached per load). */
  eventsFor(model: string, timings: readonly ModelTiming[]): ActiveEvent[] {
    if (timings.length === 1) return this.subscribers(`model:${model}#${timings[0]}`);
    const key = `${model}#${timings.join(',')}`;
    let list = this.merged.get(key);
    if (!list) {
      list = timings.flatMap((t) => this.subscribers(`model:${model}#${t}`)).sort(byOrder);
      this.merged.set(key, list);
    }
    return list;
  }
}

function byOrder(a: ActiveEvent, b: ActiveEvent): number {
  return a.definition.order - b.definition.order || a.name.localeCompare(b.name);
}

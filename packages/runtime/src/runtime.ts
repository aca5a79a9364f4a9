import {
  GROUP_OF_TYPE,
  parseElement,
  parseFullName,
  type ModelEventDefinition,
  type ServiceDefinition,
} from '@whenthen/schema';
import { join } from 'node:path';
import {
  readElement,
  readFolder,
  removeElementFiles,
  writeElementFiles,
  type LoadedElement,
} from './app/app-folder.js';
import { watchFolder } from './app/folder-watcher.js';
import { Application } from './app/application.js';
import { DataApi } from './data/data-api.js';
import { ServiceCalls } from './services/service-calls.js';
import { Approvals } from './approvals/approvals.js';
import { openDatabase, type Sqlite } from './data/database.js';
import { notFound, validationError, WhenThenError } from './errors.js';
import type { Chain } from './events/chain.js';
import { Outbox } from './events/outbox.js';
import { Worker } from './events/worker.js';
import { WriteScopes } from './events/write-scope.js';
import { ExecutionStore } from './records/execution-store.js';
import { NotificationStore } from './records/notifications.js';
import { createSandbox, type Bridge, type Sandbox } from './sandbox/index.js';

export type RuntimeOptions = {
  /** The application folder. */
  dir: string;
  /** Defaults to `<dir>/.whenthen/app.db`. */
  dbFile?: string;
  /** Pick up file changes made outside WhenThen (an editor, a git pull). Default false. */
  watch?: boolean;
  /** Start the async worker. Default true. */
  worker?: boolean;
  memoryLimitMb?: number;
};

export type ElementSummary = {
  name: string;
  type: string;
  kind?: string;
  title: string;
  enabled?: boolean;
  problems: LoadedElement['problems'];
};

export type ElementDocument = {
  name: string;
  definition: unknown;
  code: string | null;
  version: string;
};

/**
 * A running application: its folder, its database, the sandbox its code runs in, the data API
 * with model events, execution records, notifications and the async worker.
 */
export class Runtime {
  readonly db: Sqlite;
  readonly sandbox: Sandbox;
  readonly executions: ExecutionStore;
  readonly notifications: NotificationStore;
  readonly outbox: Outbox;
  readonly scopes: WriteScopes;
  readonly worker: Worker;
  readonly data: DataApi;
  readonly services: ServiceCalls;
  readonly approvals: Approvals;
  private current!: Application;
  private watcher: { close(): void } | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(readonly options: RuntimeOptions) {
    this.db = openDatabase(options.dbFile ?? join(options.dir, '.whenthen', 'app.db'));
    this.sandbox = createSandbox({ memoryLimitMb: options.memoryLimitMb ?? 64 });
    this.executions = new ExecutionStore(this.db);
    this.notifications = new NotificationStore(this.db);
    this.outbox = new Outbox(this.db);
    this.scopes = new WriteScopes(this.db, this.executions);
    const core = {
      db: this.db,
      app: () => this.current,
      sandbox: this.sandbox,
      scopes: this.scopes,
      outbox: this.outbox,
      executions: this.executions,
      bridgeFor: (chain: Chain, run: { executionId: string; event: string }) =>
        this.bridgeFor(chain, run),
      wake: () => this.worker.wake(),
      pendingApprovals: (model: string, recordId: number) =>
        this.approvals.store.pendingFor(model, recordId),
    };
    this.worker = new Worker(core);
    this.data = new DataApi(core);
    this.services = new ServiceCalls(core);
    this.approvals = new Approvals(core);
    this.reload();
    if (options.worker !== false) this.worker.recover();
    else this.worker.stop();
    if (options.watch) this.startWatching();
  }

  app(): Application {
    return this.current;
  }

  private readonly codeChecker = {
    handler: (code: string) => this.sandbox.check(code),
    module: (code: string) => this.sandbox.checkModule(code),
  };

  /** Re-reads the whole folder; one bad element never stops the others. */
  reload(): void {
    this.current = new Application(readFolder(this.options.dir), this.db, this.codeChecker);
    for (const l of this.listeners) l();
  }

  /** Called after every reload (the server uses it to tell the IDE). */
  onReload(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private startWatching(): void {
    this.watcher = watchFolder(this.options.dir, () => {
      try {
        this.reload();
      } catch (e) {
        console.error('whenthen: reload failed:', (e as Error).message);
      }
    });
  }

  listElements(): { items: ElementSummary[]; problems: LoadedElement['problems'] } {
    const items = this.current.elements.map((el) => {
      const raw = (el.definition ?? el.raw ?? {}) as {
        type?: string;
        kind?: string;
        title?: string;
        enabled?: boolean;
      };
      const summary: ElementSummary = {
        name: el.name,
        type: raw.type ?? el.group.replace(/s$/, ''),
        title: raw.title ?? el.name.slice(el.name.indexOf('.') + 1),
        problems: el.problems,
      };
      if (raw.kind !== undefined) summary.kind = raw.kind;
      if (raw.type === 'event') summary.enabled = raw.enabled === true;
      return summary;
    });
    return { items, problems: this.current.problems };
  }

  getElement(name: string): ElementDocument {
    const el = this.current.element(name);
    if (!el) throw notFound(`element ${name}`);
    return {
      name: el.name,
      definition: el.definition ?? el.raw ?? null,
      code: el.code,
      version: el.version,
    };
  }

  /** Validates a definition (shape, then against the other elements) without writing anything. */
  private validate(
    name: string,
    definition: unknown,
    code: string | null | undefined,
    replacing: boolean,
  ): void {
    const parsedName = parseFullName(name);
    if (!parsedName)
      throw validationError([
        {
          field: 'name',
          reason:
            'expected <group>.<Name>, e.g. events.NotifyBigOrder (A-Z first, then letters and digits)',
        },
      ]);
    const parsed = parseElement('e.json', definition);
    if (!parsed.ok)
      throw validationError(
        parsed.problems.map((p) => ({ field: `definition.${p.field}`, reason: p.reason })),
      );
    const type = parsed.definition.type as keyof typeof GROUP_OF_TYPE;
    if (GROUP_OF_TYPE[type] !== parsedName.group)
      throw validationError([
        {
          field: 'name',
          reason: `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type} element belongs in ${GROUP_OF_TYPE[type]}.*`,
        },
      ]);
    if (code !== undefined && code !== null && typeof code !== 'string')
      throw validationError([{ field: 'code', reason: 'expected text' }]);
    const existing = this.current.element(name);
    if (!replacing && existing)
      throw new WhenThenError(
        'ALREADY_EXISTS',
        `${existing.name} already exists (names are unique ignoring case)`,
      );
    // Check against the rest of the application exactly as a reload would see it.
    const folder = readFolder(this.options.dir);
    const candidate: LoadedElement = {
      name,
      group: parsedName.group,
      definition: parsed.definition,
      raw: definition,
      code: code === undefined ? (existing?.code ?? null) : code,
      version: '',
      problems: [],
    };
    folder.elements = [
      ...folder.elements.filter((e) => e.name.toLowerCase() !== name.toLowerCase()),
      candidate,
    ];
    new Application(folder, this.db, this.codeChecker);
    if (candidate.problems.length)
      throw validationError(
        candidate.problems.map((p) => {
          const inCode = p.file.endsWith('.ts');
          return { field: inCode ? 'code' : `definition.${p.field}`, reason: p.reason };
        }),
      );
    // A change must not break what depends on it (an event using a service function, a filter on a field).
    const clean = new Set(
      this.current.elements.filter((e) => !e.problems.length).map((e) => e.name),
    );
    const broken = folder.elements.filter(
      (e) => e !== candidate && e.problems.length && clean.has(e.name),
    );
    if (broken.length)
      throw new WhenThenError(
        'IN_USE',
        `${name} is still used: ${broken.map((e) => `${e.name} (${e.problems.map((p) => `${p.field}: ${p.reason}`).join('; ')})`).join(', ')}`,
      );
    // Code counts too: a function or declared event that goes away while other elements' code calls
    // or publishes it (`app.services.Billing.charge`, 'services.Billing.paid') would fail them later.
    if (existing && parsedName.group === 'services' && existing.definition) {
      const before = existing.definition as ServiceDefinition;
      const after = parsed.definition as ServiceDefinition;
      const gone = [
        ...before.functions
          .filter((f) => !after.functions.some((g) => g.name === f.name))
          .map((f) => ({ what: 'function', member: f.name })),
        ...before.eventDescs
          .filter((d) => !after.eventDescs.some((g) => g.name === d.name))
          .map((d) => ({ what: 'event', member: d.name })),
      ];
      const uses = gone.flatMap(({ what, member }) => {
        const found = this.current.elements
          .filter((other) => other !== existing)
          .flatMap((other) => memberUse(other, existing.name, member));
        return found.length ? [`${what} ${member} by ${found.join(', ')}`] : [];
      });
      if (uses.length)
        throw new WhenThenError(
          'IN_USE',
          `${existing.name} is still used in code: ${uses.join('; ')}`,
        );
    }
  }

  /**
   * An element as it is on disk now. The watcher reloads a moment after a file changes; an edit
   * made within that moment must not be overwritten by a replace or a switch that read the old
   * file (the version check would pass against the old content).
   */
  private fresh(name: string): LoadedElement | undefined {
    const el = this.current.element(name);
    if (el && readElement(this.options.dir, el.name).version !== el.version) this.reload();
    return this.current.element(name);
  }

  createElement(input: { name: unknown; definition: unknown; code?: unknown }): ElementDocument {
    const name = typeof input.name === 'string' ? input.name : '';
    const def = input.definition as { type?: string; handler?: { type?: string } } | null;
    // `code` is optional: an inline event starts from the empty handler.
    if (
      input.code === undefined &&
      def?.type === 'event' &&
      (def.handler?.type ?? 'inline') === 'inline'
    )
      input = { ...input, code: 'export default async function (event, app) {\n}\n' };
    this.validate(name, input.definition, input.code as string | undefined, false);
    writeElementFiles(
      this.options.dir,
      name,
      parseElementOrThrow(input.definition),
      (input.code as string | undefined) ?? null,
    );
    this.reload();
    return this.getElement(name);
  }

  replaceElement(
    name: string,
    input: { definition: unknown; code?: unknown; version?: unknown },
  ): ElementDocument {
    const existing = this.fresh(name);
    if (!existing) throw notFound(`element ${name}`);
    if (input.version !== undefined && input.version !== existing.version)
      throw new WhenThenError(
        'STALE',
        `${existing.name} changed since version ${String(input.version)}; reload it and apply your change again`,
      );
    type Fixed = { type?: string; kind?: string; model?: string; flow?: string; timing?: string };
    const prevType = (existing.definition ?? (existing.raw as object | null)) as Fixed | null;
    const next = input.definition as Fixed;
    if (
      prevType?.type === 'event' &&
      existing.definition &&
      (prevType.kind !== next?.kind ||
        prevType.model !== next?.model ||
        prevType.flow !== next?.flow ||
        prevType.timing !== next?.timing)
    )
      throw validationError([
        {
          field: 'definition',
          reason: 'kind, target and timing are fixed after creation; create a new event instead',
        },
      ]);
    this.validate(existing.name, input.definition, input.code as string | undefined, true);
    writeElementFiles(
      this.options.dir,
      existing.name,
      parseElementOrThrow(input.definition),
      input.code as string | undefined,
    );
    this.reload();
    return this.getElement(existing.name);
  }

  deleteElement(name: string): ElementDocument {
    const el = this.current.element(name);
    if (!el) throw notFound(`element ${name}`);
    const users = this.current.elements.filter((other) => other !== el && refersTo(other, el.name));
    if (users.length)
      throw new WhenThenError(
        'IN_USE',
        `${el.name} is used by ${users.map((u) => u.name).join(', ')}`,
      );
    // Code counts too: a model deleted under a sync handler that writes it would fail every write
    // that sets the handler off (and its data would be gone).
    const inCode = this.current.elements
      .filter((other) => other !== el)
      .flatMap((other) => codeUse(other, el.name));
    if (inCode.length)
      throw new WhenThenError('IN_USE', `${el.name} is used in code: ${inCode.join(', ')}`);
    // A flow's pending instances would be left with no flow to move on (and block their records
    // when a flow of that name comes back).
    if (el.group === 'approvals') {
      const pending = this.approvals.list({ flow: el.name, status: 'pending', limit: 1 }).total;
      if (pending)
        throw new WhenThenError(
          'IN_USE',
          `${el.name} has ${pending} pending instance${pending === 1 ? '' : 's'}; withdraw or finish ${pending === 1 ? 'it' : 'them'} first`,
        );
    }
    const doc = this.getElement(el.name);
    // A deleted model takes its data with it, so a model made later under the same name starts clean.
    const store = this.current.model(el.name);
    removeElementFiles(this.options.dir, el.name);
    store?.drop();
    this.reload();
    return doc;
  }

  setEnabled(name: string, enabled: boolean): ElementDocument {
    const el = this.fresh(name);
    if (!el || el.group !== 'events') throw notFound(`event ${name}`);
    if (!el.definition)
      throw validationError(
        el.problems.map((p) => ({ field: p.field, reason: p.reason })),
        `${el.name} has problems; fix them first`,
      );
    if (enabled && el.problems.length)
      throw validationError(
        el.problems.map((p) => ({ field: p.field, reason: p.reason })),
        `${el.name} has problems; fix them before switching it on`,
      );
    // Only `enabled` changes: the file keeps its keys, their order and everything else as written.
    writeElementFiles(this.options.dir, el.name, { ...(el.raw as object), enabled }, undefined);
    this.reload();
    return this.getElement(el.name);
  }

  /** What handler code reaches through `app`: the data API (continuing the chain), notify, log. */
  private bridgeFor(chain: Chain, run: { executionId: string; event: string }): Bridge {
    return (path, args) => {
      const parts = path.split('.');
      if (parts[0] === 'models' && parts.length === 3) {
        const model = `models.${parts[1]}`;
        const id = () => {
          if (typeof args[0] !== 'number' || !Number.isSafeInteger(args[0]))
            throw validationError([{ field: 'id', reason: `${path} needs a record id (integer)` }]);
          return args[0];
        };
        switch (parts[2]) {
          case 'create':
            return this.data.create(model, args[0], chain);
          case 'get':
            return this.data.get(model, id());
          case 'query':
            return this.data.query(model, args[0], (args[1] ?? {}) as object).items;
          case 'count':
            return this.data.count(model, args[0]);
          case 'update':
            return this.data.update(model, id(), args[1], chain);
          case 'delete':
            return this.data.delete(model, id(), chain);
          case 'updateMany':
            return this.data.updateMany(model, args[0], args[1], chain);
          case 'deleteMany':
            return this.data.deleteMany(model, args[0], chain);
        }
      }
      if (parts[0] === 'services' && parts.length === 3)
        return this.services.call(`services.${parts[1]}`, parts[2]!, args[0], chain);
      if (parts[0] === 'approvals' && parts.length === 3)
        return this.approvals.fromCode(`approvals.${parts[1]}`, parts[2]!, args, chain);
      if (path === 'event.publish') return this.services.publish(args[0], args[1], chain);
      if (path === 'notify')
        return this.notifications.send(
          args[0],
          { executionId: run.executionId, requestId: chain.requestId },
          this.current.app.users,
        );
      if (path === 'log') return null;
      throw new WhenThenError('NOT_FOUND', `app.${path} does not exist`);
    };
  }

  /** Waits until the async worker has nothing due. */
  idle(): Promise<void> {
    return this.worker.idle();
  }

  close(): void {
    if (!this.db.open) return;
    this.watcher?.close();
    this.worker.stop();
    this.executions.flush();
    this.sandbox.dispose();
    this.db.close();
  }
}

function parseElementOrThrow(definition: unknown): unknown {
  const parsed = parseElement('e.json', definition);
  if (!parsed.ok)
    throw validationError(parsed.problems.map((p) => ({ field: p.field, reason: p.reason })));
  return parsed.definition;
}

/**
 * Where an element's code names another element (`app.models.Order`, `app.services.Billing`,
 * `'services.Billing.paid'`, `app.approvals.Discount`), as "events.X (handler.ts line 3)".
 */
function codeUse(el: LoadedElement, name: string): string[] {
  if (!el.code) return [];
  const parsed = parseFullName(name);
  if (!parsed || !['models', 'services', 'approvals'].includes(parsed.group)) return [];
  const pattern = new RegExp(`\\b${parsed.group}\\s*\\.\\s*${parsed.short}\\b`);
  const file = el.group === 'services' ? 'service.ts' : 'handler.ts';
  const lines = el.code.split('\n');
  const found = lines.findIndex((line) => pattern.test(line));
  return found < 0 ? [] : [`${el.name} (${file} line ${found + 1})`];
}

/** Where an element's code names a service's function or declared event (`services.Billing.charge`). */
function memberUse(el: LoadedElement, service: string, member: string): string[] {
  if (!el.code) return [];
  const short = service.slice('services.'.length);
  const esc = member.replace(/[$]/g, '\\$&');
  const pattern = new RegExp(`\\bservices\\s*\\.\\s*${short}\\s*\\.\\s*${esc}(?![A-Za-z0-9_$])`);
  const file = el.group === 'services' ? 'service.ts' : 'handler.ts';
  const found = el.code.split('\n').findIndex((line) => pattern.test(line));
  return found < 0 ? [] : [`${el.name} (${file} line ${found + 1})`];
}

function refersTo(el: LoadedElement, name: string): boolean {
  const d = el.definition as (ModelEventDefinition & { fields?: { model?: string }[] }) | null;
  if (!d) return false;
  if (d.type === 'event' && d.kind === 'model' && d.model === name) return true;
  if (d.type === 'event' && d.handler?.type === 'service' && d.handler.service === name)
    return true;
  if (
    d.type === 'event' &&
    (d as { kind: string }).kind === 'custom' &&
    (d as unknown as { sender: string }).sender.startsWith(`${name}.`)
  )
    return true;
  if (
    d.type === 'event' &&
    (d as { kind: string }).kind === 'approval' &&
    (d as unknown as { flow: string }).flow === name
  )
    return true;
  if ((d as { type: string }).type === 'approval')
    return (d as unknown as { model: string }).model === name;
  if ((d as { type: string }).type === 'model')
    return ((d as { fields?: { model?: string }[] }).fields ?? []).some((f) => f.model === name);
  return false;
}

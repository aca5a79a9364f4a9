import ivm from 'isolated-vm';
import { PRELUDE, PRELUDE_FILENAME } from './prelude.js';
import { handlerFilename } from './stack.js';

/** Host side of the prelude's callbacks (see prelude.ts for the wire format). */
export type SlotHost = {
  call(token: number, path: string, argsJson: string): string;
  log(token: number, line: string): void;
  begin(token: number, sid: number): number;
  end(token: number, sid: number): void;
  fail(token: number, sid: number, message?: string, stack?: string, code?: string): void;
  caught(token: number, sid: number, message?: string, stack?: string, code?: string): void;
  done(token: number, outputJson: string | undefined, payloadJson: string | undefined): void;
  failed(
    token: number,
    message: string,
    stack: string | undefined,
    code: string | undefined,
    payloadJson: string | undefined,
    seen: boolean,
  ): void;
};

const MAX_COMPILED = 256;

/**
 * One isolate with one context, the prelude installed, and the handler and service factories
 * compiled into it.
 * The sandbox uses one slot per nesting level: a run started from inside a bridge call cannot use
 * its caller's isolate, because that isolate is in the middle of a microtask checkpoint and would
 * not run the nested handler's promise jobs before returning.
 */
export class IsolateSlot {
  private isolate: ivm.Isolate | null = null;
  private context: ivm.Context | null = null;
  private start: ivm.Reference<
    (
      id: number,
      token: number,
      payloadJson: string | undefined,
      entry: string | undefined,
      first: number,
      last: number,
    ) => void
  > | null = null;
  private register: ivm.Reference<(id: number, factory: unknown) => void> | null = null;
  private unregister: ivm.Reference<(id: number) => void> | null = null;
  /** Handler ids compiled into this isolate, least recently used first. */
  private readonly compiled = new Map<number, true>();

  constructor(
    private readonly memoryLimitMb: number,
    private readonly host: SlotHost,
    private readonly modelsJson: string | undefined,
  ) {}

  /** Compiles handler `id` into this isolate unless it is there; throws V8's SyntaxError. */
  ensureCompiled(id: number, source: string): void {
    this.ensureIsolate();
    if (this.compiled.has(id)) {
      this.compiled.delete(id);
      this.compiled.set(id, true);
      return;
    }
    const script = this.isolate!.compileScriptSync(source, { filename: handlerFilename(id) });
    try {
      const factory = script.runSync(this.context!, { reference: true }) as ivm.Reference<unknown>;
      this.register!.applySync(undefined, [id, factory.derefInto()]);
      factory.release();
    } finally {
      script.release();
    }
    this.compiled.set(id, true);
    if (this.compiled.size > MAX_COMPILED) {
      const oldest = this.compiled.keys().next().value as number;
      this.compiled.delete(oldest);
      this.unregister!.applySync(undefined, [oldest]);
    }
  }

  /** Syntax check only: throws V8's SyntaxError. */
  compileOnly(source: string, id: number): void {
    this.ensureIsolate();
    this.isolate!.compileScriptSync(source, { filename: handlerFilename(id) }).release();
  }

  /**
   * Starts handler `id`, or function `entry.name` of service module `id`, recording the steps of
   * statements `entry.first..last` only; returns when its microtasks ran. Throws isolated-vm's
   * timeout/memory errors.
   */
  run(
    id: number,
    token: number,
    payloadJson: string | undefined,
    timeoutMs: number,
    entry: { name: string | undefined; first: number; last: number },
  ): void {
    this.start!.applySync(
      undefined,
      [id, token, payloadJson, entry.name, entry.first, entry.last],
      { timeout: Math.max(1, Math.ceil(timeoutMs)) },
    );
  }

  /** Heap in use by this isolate (0 when it has none). */
  usedHeapBytes(): number {
    if (this.lost) return 0;
    return this.isolate!.getHeapStatisticsSync().used_heap_size;
  }

  get lost(): boolean {
    return !this.isolate || this.isolate.isDisposed;
  }

  dispose(): void {
    if (this.isolate && !this.isolate.isDisposed) this.isolate.dispose();
    this.reset();
  }

  private reset(): void {
    this.isolate = null;
    this.context = null;
    this.start = this.register = this.unregister = null;
    this.compiled.clear();
  }

  private ensureIsolate(): void {
    if (this.isolate && !this.isolate.isDisposed) return;
    this.reset();
    const isolate = new ivm.Isolate({ memoryLimit: this.memoryLimitMb });
    try {
      const context = isolate.createContextSync();
      const install = isolate
        .compileScriptSync(PRELUDE, { filename: PRELUDE_FILENAME })
        .runSync(context, { reference: true }) as ivm.Reference<(...args: unknown[]) => unknown>;
      const h = this.host;
      const entries = install.applySync(
        undefined,
        [
          new ivm.Callback(h.call),
          new ivm.Callback(h.log),
          new ivm.Callback(h.begin),
          new ivm.Callback(h.end),
          new ivm.Callback(h.fail),
          new ivm.Callback(h.caught),
          new ivm.Callback(h.done),
          new ivm.Callback(h.failed),
          this.modelsJson,
        ],
        { result: { reference: true } },
      ) as unknown as ivm.Reference<unknown[]>;
      this.start = entries.getSync(0, { reference: true }) as IsolateSlot['start'];
      this.register = entries.getSync(1, { reference: true }) as IsolateSlot['register'];
      this.unregister = entries.getSync(2, { reference: true }) as IsolateSlot['unregister'];
      entries.release();
      install.release();
      this.isolate = isolate;
      this.context = context;
    } catch (err) {
      isolate.dispose();
      throw err;
    }
  }
}

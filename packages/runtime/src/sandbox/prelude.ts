/**
 * Code evaluated once in every isolate's context. It evaluates to `install(host)`, which keeps the
 * host callbacks in a closure (handler code cannot reach them), and returns the entry points the
 * host calls: `start` (one run), `register`/`unregister` (compiled handler and service factories).
 *
 * Wire format, kept to primitives because they cross the boundary cheapest:
 * - `call(token, path, argsJson)` returns 'v' + JSON, 'u' (undefined) or 'e' + JSON {message, code}.
 * - Errors are described as (message, stack, code); `seen` tells the host the error was already
 *   recorded on a step.
 * Every callback carries the run's token so that code of a finished run (a promise resolved later)
 * cannot write into another run.
 */
export const PRELUDE_FILENAME = 'wt-runtime';

export const PRELUDE = String.raw`(function install(call_, log_, begin, end, fail_, caught, done, failed, modelsJson) {
  'use strict';
  const host = { call: call_, log: log_, begin, end, fail: fail_, caught, done, failed };
  const parse = JSON.parse, stringify = JSON.stringify;
  const PromiseCtor = Promise, promiseResolve = Promise.resolve, promiseReject = Promise.reject;
  const resolved = (v) => promiseResolve.call(PromiseCtor, v);
  const rejected = (e) => promiseReject.call(PromiseCtor, e);
  const then = Promise.prototype.then;
  const ErrorCtor = Error, TypeErrorCtor = TypeError, ProxyCtor = Proxy, StringFn = String;
  const create = Object.create, freeze = Object.freeze, isArray = Array.isArray;
  const MODEL_METHODS = ['create', 'get', 'query', 'count', 'update', 'delete', 'updateMany', 'deleteMany'];
  const NONE = {};
  const factories = create(null);
  const modelNames = modelsJson ? parse(modelsJson) : undefined;
  let currentToken = 0;
  ErrorCtor.stackTraceLimit = 30;

  function describe(err) {
    try {
      if (err !== null && (typeof err === 'object' || typeof err === 'function')) {
        const message = err.message, stack = err.stack, code = err.code;
        return [
          typeof message === 'string' ? message : StringFn(err),
          typeof stack === 'string' ? stack : undefined,
          typeof code === 'string' || typeof code === 'number' ? StringFn(code) : undefined,
        ];
      }
      return [StringFn(err), undefined, undefined];
    } catch (e) {
      return ['an error that cannot be read', undefined, undefined];
    }
  }

  function formatArg(value) {
    if (typeof value === 'string') return value;
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
      return StringFn(value);
    }
    if (value instanceof ErrorCtor) return value.name + ': ' + value.message;
    try {
      const json = stringify(value);
      return json === undefined ? StringFn(value) : json;
    } catch (e) {
      return StringFn(value);
    }
  }

  function formatLine(args) {
    let line = '';
    for (let i = 0; i < args.length; i++) line += (i ? ' ' : '') + formatArg(args[i]);
    return line.length > 10000 ? line.slice(0, 10000) + '…' : line;
  }

  // JSON has no NaN, Infinity or functions: JSON.stringify would quietly write null or leave the
  // key out, so refuse them instead.
  const isFiniteNumber = Number.isFinite;
  function finiteOnly(key, value) {
    const kind = typeof value;
    if ((kind === 'number' && !isFiniteNumber(value)) || kind === 'function' || kind === 'symbol') {
      const shown = kind === 'number' ? StringFn(value) : 'a ' + kind;
      throw new TypeErrorCtor((key === '' ? 'a value' : '"' + key + '"') + ' is ' + shown + ', which JSON cannot hold');
    }
    return value;
  }
  function nonFiniteField(row) {
    if (row === null || typeof row !== 'object') return undefined;
    for (const key in row) {
      const value = row[key];
      if (typeof value === 'number' && !isFiniteNumber(value)) return key;
    }
    return undefined;
  }

  function call(token, path, args) {
    let json;
    try {
      json = stringify(args, finiteOnly);
    } catch (e) {
      return rejected(new TypeErrorCtor('app.' + path + ': arguments must be JSON-serializable (' + describe(e)[0] + ')'));
    }
    const reply = host.call(token, path, json);
    const tag = reply.charCodeAt(0);
    if (tag === 118) return resolved(parse(reply.slice(1)));
    if (tag === 117) return resolved(undefined);
    const detail = parse(reply.slice(1));
    const error = new ErrorCtor(detail.message);
    if (detail.code !== undefined) error.code = detail.code;
    return rejected(error);
  }

  function log(token, args) {
    host.log(token, formatLine(args));
  }

  // Any property is a name; 'then' must stay undefined so that awaiting a proxy does not hang.
  function names(make, keys) {
    const cache = create(null);
    const handler = {
      get(target, name) {
        if (typeof name !== 'string' || name === 'then') return undefined;
        return cache[name] || (cache[name] = make(name));
      },
      has(target, name) { return typeof name === 'string' && name !== 'then'; },
      set() { return false; },
      deleteProperty() { return false; },
    };
    if (keys) {
      handler.ownKeys = () => keys.slice();
      handler.getOwnPropertyDescriptor = (target, name) =>
        typeof name === 'string' && keys.indexOf(name) >= 0
          ? { value: handler.get(target, name), enumerable: true, configurable: true, writable: false }
          : undefined;
    }
    return new ProxyCtor(create(null), handler);
  }

  function makeApp(token) {
    const fn = (path) => (...args) => call(token, path, args);
    const models = names((model) => {
      const methods = create(null);
      for (const method of MODEL_METHODS) methods[method] = fn('models.' + model + '.' + method);
      return freeze(methods);
    }, modelNames);
    const services = names((service) => names((name) => fn('services.' + service + '.' + name)));
    const approvals = names((flow) => freeze({ submit: fn('approvals.' + flow + '.submit'), act: fn('approvals.' + flow + '.act'), get: fn('approvals.' + flow + '.get') }));
    return freeze({
      models,
      services,
      approvals,
      event: freeze({ publish: fn('event.publish') }),
      notify: fn('notify'),
      log: (...args) => { log(token, args); },
    });
  }

  // Statements outside [first, last] belong to functions of the module other than the one called:
  // they run unrecorded, like any helper.
  function makeRecorder(token, first, last) {
    let off = false;
    let lastError = NONE;
    return freeze({
      b(sid) { if (!off && sid >= first && sid <= last && host.begin(token, sid) === 1) off = true; },
      e(sid) { if (!off && sid >= first && sid <= last) host.end(token, sid); },
      x(sid, err) {
        if (!off && sid >= first && sid <= last) {
          if (err === lastError) host.fail(token, sid);
          else {
            lastError = err;
            const d = describe(err);
            host.fail(token, sid, d[0], d[1], d[2]);
          }
        }
        return err;
      },
      c(sid, err) {
        if (sid < first || sid > last) return;
        if (!off) {
          if (arguments.length < 2 || err === lastError) host.caught(token, sid);
          else {
            const d = describe(err);
            host.caught(token, sid, d[0], d[1], d[2]);
          }
        }
        lastError = NONE;
      },
      seen(err) { return err === lastError; },
    });
  }

  function settle(token, output, event, what) {
    let outputJson, payloadJson;
    try {
      outputJson = stringify(output);
    } catch (e) {
      return fail(token, new TypeErrorCtor(what + ' returned a value that is not JSON-serializable (' + describe(e)[0] + ')'), event, null);
    }
    // A before handler's next is read back as the record to write: NaN must not become null there.
    const readBack = event !== null && typeof event === 'object' && typeof event.timing === 'string' && event.timing.slice(0, 6) === 'before';
    const bad = readBack ? nonFiniteField(event.next) : undefined;
    if (bad !== undefined) {
      return fail(token, new TypeErrorCtor(what + ' set event.next.' + bad + ' to ' + StringFn(event.next[bad]) + ', which cannot be stored'), event, null);
    }
    try {
      payloadJson = stringify(event);
    } catch (e) {
      return fail(token, new TypeErrorCtor(what + ' left the ' + (what === 'the handler' ? 'event payload' : 'arguments') + ' not JSON-serializable (' + describe(e)[0] + ')'), event, null);
    }
    host.done(token, outputJson, payloadJson);
  }

  function fail(token, err, event, recorder) {
    const d = describe(err);
    let payloadJson;
    try { payloadJson = stringify(event); } catch (e) { payloadJson = undefined; }
    host.failed(token, d[0], d[1], d[2], payloadJson, !!recorder && recorder.seen(err));
  }

  const console = freeze({
    log: (...args) => log(currentToken, args),
    info: (...args) => log(currentToken, args),
    warn: (...args) => log(currentToken, args),
    error: (...args) => log(currentToken, args),
    debug: (...args) => log(currentToken, args),
  });
  Object.defineProperty(globalThis, 'console', { value: console, writable: true, configurable: true });

  // entry: undefined for a handler (the factory makes the handler), else the name of a function
  // of the service module (the factory makes the module's exports); it may be synchronous.
  function start(id, token, payloadJson, entry, first, last) {
    currentToken = token;
    const what = entry === undefined ? 'the handler' : 'service function ' + entry;
    let event, recorder = null;
    try {
      event = payloadJson === undefined ? undefined : parse(payloadJson);
      const factory = factories[id];
      if (typeof factory !== 'function') throw new ErrorCtor('code ' + id + ' is not compiled');
      recorder = makeRecorder(token, first, last);
      const made = factory(recorder);
      let promise;
      if (entry === undefined) promise = made(event, makeApp(token));
      else {
        const fn = made[entry];
        if (typeof fn !== 'function') throw new ErrorCtor(what + ' is not exported');
        promise = resolved(fn(event, makeApp(token)));
      }
      then.call(promise, (output) => settle(token, output, event, what), (err) => fail(token, err, event, recorder));
    } catch (err) {
      fail(token, err, event, recorder);
    }
  }

  return [
    start,
    (id, factory) => { factories[id] = factory; },
    (id) => { delete factories[id]; },
  ];
})`;

import { afterAll, describe, expect, it } from 'vitest';
import { createSandbox } from './index.js';
import { handler, recordingBridge, run } from './sandbox.harness.js';

const sandbox = createSandbox({ memoryLimitMb: 32 });
afterAll(() => sandbox.dispose());

const works = () => run(sandbox, handler(`  return event.n + 1;`), { payload: { n: 1 } });

describe('sandbox limits', () => {
  it('fails a handler that loops for ever with TIMEOUT at the loop, and runs the next one', () => {
    const result = run(sandbox, handler(`  let spins = 0;\n  while (true) {\n    spins++;\n  }`), {
      // Long enough for the 10,000 recorded steps even on a loaded machine.
      timeoutMs: 1000,
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'TIMEOUT', message: 'handler timed out after 1000 ms', line: 3, column: 3 },
    });
    if (!result.ok) expect(result.error.stack).toContain('at handler.ts:3:3');
    // Step recording stopped at the cap, so memory stayed bounded while the loop ran on.
    expect(result.truncated).toBe(true);
    expect(result.steps).toHaveLength(10_001);
    expect(result.steps[1]).toMatchObject({
      text: 'while (true) {',
      status: 'failed',
      error: { message: 'handler timed out after 1000 ms' },
    });
    expect(result.steps[10_000]).toMatchObject({ kind: 'truncated', line: 4 });
    expect(works()).toMatchObject({ ok: true, output: 2 });
  });

  it('times out a loop of app calls even though the isolate spends its time waiting on the host', () => {
    const { bridge } = recordingBridge({
      'models.Order.get': () => {
        const until = performance.now() + 2;
        while (performance.now() < until);
        return { id: 1 };
      },
    });
    const code = handler(
      `  for (;;) {\n    try { await app.models.Order.get(1); } catch (err) { /* keep going */ }\n  }`,
    );
    const result = run(sandbox, code, { bridge, timeoutMs: 100 });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'TIMEOUT', message: 'handler timed out after 100 ms' },
    });
    expect(works()).toMatchObject({ ok: true });
  });

  it('fails a handler that allocates without end with MEMORY_LIMIT, and runs the next one', () => {
    const code = handler(
      `  const hoard: string[][] = [];\n  for (;;) hoard.push(new Array(100_000).fill('x'));`,
    );
    const result = run(sandbox, code, { timeoutMs: 20_000 });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'MEMORY_LIMIT', message: 'handler exceeded the memory limit of 32 MB' },
    });
    expect(works()).toMatchObject({ ok: true, output: 2 });
    // The same handler is compiled again into the new isolate.
    expect(run(sandbox, code, { timeoutMs: 20_000 })).toMatchObject({
      ok: false,
      error: { code: 'MEMORY_LIMIT' },
    });
  });

  it('fails a handler awaiting a promise that never settles with NOT_SETTLED at that statement', () => {
    const code = handler(
      `  await app.log('waiting');\n  await new Promise(() => {});\n  return 'never';`,
    );
    const result = run(sandbox, code);
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_SETTLED', line: 3 } });
    if (!result.ok) expect(result.error.message).toMatch(/never settles/);
    expect(result.steps[2]).toMatchObject({ line: 3, status: 'failed' });
    expect(works()).toMatchObject({ ok: true });
  });

  it('fails a run whose handler leaves a rejected promise unhandled', () => {
    const code = handler(`  Promise.reject(new Error('forgotten'));\n  return 1;`);
    expect(run(sandbox, code)).toMatchObject({
      ok: false,
      error: { code: 'HANDLER_ERROR', message: 'unhandled promise rejection: forgotten' },
    });
  });
});

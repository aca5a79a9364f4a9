import { afterAll, describe, expect, it } from 'vitest';
import { createSandbox, type Bridge, type RunResult } from './index.js';
import { handler, hostError, outline, run } from './sandbox.harness.js';

const sandbox = createSandbox();
afterAll(() => sandbox.dispose());

describe('nested runs from inside a bridge call', () => {
  it('runs another handler synchronously while the first waits in a bridge call', () => {
    const inner = handler(
      `  await Promise.resolve();\n  event.next.total = event.next.total + 1;\n  return 'inner done';`,
    );
    const nested: RunResult[] = [];
    const bridge: Bridge = (path, args) => {
      if (path !== 'models.Order.update') return undefined;
      const result = run(sandbox, inner, { key: 'BeforeUpdate', payload: { next: args[1] } });
      nested.push(result);
      if (!result.ok) throw hostError(result.error.message, 'EVENT_FAILED');
      return result.payload;
    };
    const outer = handler(
      `  await null;\n  const saved = await app.models.Order.update(1, { total: 10 });\n  return saved;`,
    );
    const result = run(sandbox, outer, { key: 'AfterCreate', bridge });
    expect(result).toMatchObject({ ok: true, output: { next: { total: 11 } } });
    expect(nested[0]).toMatchObject({ ok: true, output: 'inner done' });
    expect(outline(nested[0]?.steps ?? [])).toEqual([
      '2 success await Promise.resolve();',
      '3 success event.next.total = event.next.total + 1;',
      "4 success return 'inner done';",
    ]);
    expect(outline(result.steps)).toEqual([
      '2 success await null;',
      '3 success const saved = await app.models.Order.update(1, { total: 10 });',
      '4 success return saved;',
    ]);
  });

  it('nests the same handler 20 deep, each run with its own steps and payload', () => {
    const code = handler(
      `  const depth: number = event.depth;\n  if (depth < 20) {\n    await app.models.Node.update(depth + 1, {});\n  }\n  return depth;`,
    );
    const results: RunResult[] = [];
    const bridge: Bridge = (_path, args) => {
      const result = run(sandbox, code, { key: 'Same', payload: { depth: args[0] }, bridge });
      results.push(result);
      return result.ok ? result.output : null;
    };
    const top = run(sandbox, code, { key: 'Same', payload: { depth: 0 }, bridge });
    expect(top).toMatchObject({ ok: true, output: 0 });
    expect(results.map((r) => (r.ok ? r.output : r.error.code))).toEqual(
      Array.from({ length: 20 }, (_, i) => 20 - i),
    );
    for (const r of results) expect(r.steps.length).toBe(r.ok && r.output === 20 ? 3 : 4);
  });

  it('lets go of deep and heavy nested isolates once the outermost run is over', () => {
    // Each level keeps ~20 MB alive while it waits for the level below.
    const code = handler(
      `  const depth: number = event.depth;\n  const ballast = new Array(2_500_000).fill(depth);\n  if (depth < 6) await app.models.Node.update(depth + 1, {});\n  return ballast.length;`,
    );
    const heaps: number[][] = [];
    const bridge: Bridge = (_path, args) => {
      const result = run(sandbox, code, { key: 'Heavy', payload: { depth: args[0] }, bridge });
      if (args[0] === 6) heaps.push(sandbox.heapInUse());
      return result.ok ? result.output : null;
    };
    const top = run(sandbox, code, { key: 'Heavy', payload: { depth: 0 }, bridge });
    expect(top).toMatchObject({ ok: true, output: 2_500_000 });
    // While the deepest level ran, all seven levels had an isolate with its ballast.
    expect(heaps[0]!.length).toBe(7);
    expect(heaps[0]!.every((bytes) => bytes > 16 * 2 ** 20)).toBe(true);
    // Afterwards only the outermost isolate is kept: the others were past level 3 or too heavy.
    const after = sandbox.heapInUse();
    expect(after.length).toBe(1);
    expect(after[0]).toBeGreaterThan(0);
  });

  it('times out a nested run on its own limit while the outer run goes on and catches the failure', () => {
    const looping = handler(`  while (true) {}`);
    let nested: RunResult | undefined;
    const bridge: Bridge = () => {
      nested = run(sandbox, looping, { key: 'Loops', timeoutMs: 100 });
      if (!nested.ok)
        throw hostError(`Event Loops failed: ${nested.error.message}`, 'EVENT_FAILED');
      return null;
    };
    const outer = handler(
      `  try {\n    await app.models.Order.create({});\n  } catch (err: any) {\n    return err.code + ': ' + err.message;\n  }`,
    );
    const result = run(sandbox, outer, { key: 'Outer', bridge, timeoutMs: 1000 });
    expect(nested).toMatchObject({
      ok: false,
      error: { code: 'TIMEOUT', message: 'handler timed out after 100 ms' },
    });
    expect(result).toMatchObject({
      ok: true,
      output: 'EVENT_FAILED: Event Loops failed: handler timed out after 100 ms',
    });
  });

  it('does not charge the time of nested runs to the outer run', () => {
    const slow = handler(`  const until = Date.now() + 150;\n  while (Date.now() < until) {}`);
    const bridge: Bridge = () => {
      run(sandbox, slow, { key: 'Slow', timeoutMs: 1000 });
      return null;
    };
    const outer = handler(
      `  await app.models.A.create({});\n  await app.models.B.create({});\n  return 'ok';`,
    );
    expect(run(sandbox, outer, { key: 'Outer', bridge, timeoutMs: 200 })).toMatchObject({
      ok: true,
      output: 'ok',
    });
  });

  it('keeps an uncaught nested failure’s code and message on the outer run', () => {
    const failing = handler(`  throw new Error('stock too low');`);
    const bridge: Bridge = () => {
      const nested = run(sandbox, failing, { key: 'Check' });
      if (!nested.ok)
        throw hostError(`Event Check failed: ${nested.error.message}`, 'EVENT_FAILED');
      return null;
    };
    const result = run(sandbox, handler(`  await app.models.Order.update(1, {});`), { bridge });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'EVENT_FAILED', message: 'Event Check failed: stock too low', line: 2 },
    });
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { createSandbox } from './index.js';
import { handler, hostError, outline, recordingBridge, run } from './sandbox.harness.js';

const sandbox = createSandbox();
afterAll(() => sandbox.dispose());

describe('step recording', () => {
  it('records nested if/else, loops per iteration, order among siblings and logs', () => {
    const code = handler(
      [
        '  const items: number[] = event.items;',
        '  let sum = 0;',
        '  for (const item of items) {',
        '    if (item > 1) {',
        '      sum += item;',
        '    } else app.log("small", item);',
        '  }',
        '  return sum;',
      ].join('\n'),
    );
    const result = run(sandbox, code, { payload: { items: [1, 5] } });
    expect(result).toMatchObject({ ok: true, output: 5, truncated: false });
    expect(outline(result.steps)).toEqual([
      '2 success const items: number[] = event.items;',
      '3 success let sum = 0;',
      '4 success for (const item of items) {',
      '  5 success if (item > 1) {',
      '    7 success app.log("small", item);',
      '      7 success log small 1',
      '  5 success if (item > 1) {',
      '    6 success sum += item;',
      '9 success return sum;',
    ]);
    const [first, , loop, if1, , , if2] = result.steps;
    expect(result.steps.map((s) => s.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect([first?.order, loop?.order, if1?.order, if2?.order, result.steps[8]?.order]).toEqual([
      0, 2, 0, 1, 3,
    ]);
    expect(if2?.parentId).toBe(loop?.id);
    expect(loop).toMatchObject({ line: 4, endLine: 8 });
  });

  it('keeps the author’s lines and ranges for multi-line statements after type annotations', () => {
    const code = [
      'interface Line {',
      '  qty: number;',
      '}',
      'export default async function (event: { lines: Line[] }, app: any): Promise<number> {',
      '  const total: number = event.lines',
      '    .map((l: Line) => l.qty)',
      '    .reduce((a: number, b: number) => a + b, 0);',
      '  // a comment line',
      '  return total;',
      '}',
    ].join('\n');
    const result = run(sandbox, code, { payload: { lines: [{ qty: 2 }, { qty: 3 }] } });
    expect(result).toMatchObject({ ok: true, output: 5 });
    const [declaration, ret] = result.steps;
    expect(declaration).toMatchObject({
      line: 5,
      endLine: 7,
      text: 'const total: number = event.lines',
      status: 'success',
    });
    expect(code.slice(...(declaration?.range ?? [0, 0]))).toBe(
      'const total: number = event.lines\n    .map((l: Line) => l.qty)\n    .reduce((a: number, b: number) => a + b, 0);',
    );
    expect(ret).toMatchObject({ line: 9, text: 'return total;' });
    expect(code.slice(...(ret?.range ?? [0, 0]))).toBe('return total;');
  });

  it('attaches app calls to the statement that made them', () => {
    const { bridge } = recordingBridge({ 'models.Order.get': ([id]) => ({ id, total: 3 }) });
    const code = handler(
      `  const order = await app.models.Order.get(4);\n  await app.notify({ to: 'a', title: 't', body: 'b' });`,
    );
    const result = run(sandbox, code, { bridge });
    expect(result.steps.map((s) => s.calls)).toEqual([
      [{ path: 'models.Order.get', args: [4], result: { id: 4, total: 3 } }],
      [{ path: 'notify', args: [{ to: 'a', title: 't', body: 'b' }], result: { ok: true } }],
    ]);
  });

  it('marks the failing statement with its error and its ancestors failed', () => {
    const code = handler(
      [
        '  const values = [1, 2];',
        '  for (const v of values) {',
        '    if (v === 2) {',
        '      const missing: any = undefined;',
        '      missing.call();',
        '    }',
        '  }',
        '  return "unreached";',
      ].join('\n'),
    );
    const result = run(sandbox, code);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'HANDLER_ERROR', line: 6, column: 15 },
    });
    expect(outline(result.steps)).toEqual([
      '2 success const values = [1, 2];',
      '3 failed for (const v of values) {',
      '  4 success if (v === 2) {',
      '  4 failed if (v === 2) {',
      '    5 success const missing: any = undefined;',
      '    6 failed missing.call();',
    ]);
    const withError = result.steps.filter((s) => s.error);
    expect(withError.map((s) => s.line)).toEqual([6]);
    expect(withError[0]?.error?.message).toMatch(/Cannot read properties of undefined/);
    expect(withError[0]?.error?.stack).toContain('at handler.ts:6:15');
  });

  it('records a declaration that throws inside try as failed, and the catch block after it', () => {
    const code = handler(
      [
        '  let parsed: unknown = null;',
        '  try {',
        '    const value = JSON.parse(event.raw);',
        '    parsed = value;',
        '  } catch (err) {',
        '    app.log("bad json");',
        '  } finally {',
        '    parsed ??= "default";',
        '  }',
        '  return parsed;',
      ].join('\n'),
    );
    const result = run(sandbox, code, { payload: { raw: '{' } });
    expect(result).toMatchObject({ ok: true, output: 'default' });
    expect(outline(result.steps)).toEqual([
      '2 success let parsed: unknown = null;',
      '3 success try {',
      '  4 failed const value = JSON.parse(event.raw);',
      '  7 success app.log("bad json");',
      '    7 success log bad json',
      '  9 success parsed ??= "default";',
      '11 success return parsed;',
    ]);
    expect(result.steps[2]?.error?.message).toMatch(/JSON/);
  });

  it('records an uncaught bridge error on the awaiting statement and keeps later catch/rethrow visible', () => {
    const { bridge } = recordingBridge({
      'models.Order.delete': () => {
        throw hostError('Order 9 not found', 'NOT_FOUND');
      },
    });
    const code = handler(
      [
        '  try {',
        '    await app.models.Order.delete(9);',
        '  } catch (err: any) {',
        '    app.log(err.code);',
        '    throw err;',
        '  }',
      ].join('\n'),
    );
    const result = run(sandbox, code, { bridge });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Order 9 not found', line: 3 },
    });
    expect(outline(result.steps)).toEqual([
      '2 failed try {',
      '  3 failed await app.models.Order.delete(9);',
      '  5 success app.log(err.code);',
      '    5 success log NOT_FOUND',
      '  6 failed throw err;',
    ]);
    expect(result.steps[1]).toMatchObject({
      error: { message: 'Order 9 not found' },
      calls: [{ path: 'models.Order.delete', args: [9], error: 'Order 9 not found' }],
    });
    expect(result.steps[4]?.error?.message).toBe('Order 9 not found');
  });

  it('covers while, do/while, switch cases, labels, plain blocks and single-statement bodies', () => {
    const code = handler(
      [
        '  let i = 0;',
        '  while (i < 2) i++;',
        '  do { i--; } while (i > 1);',
        '  switch (i) {',
        '    case 1: app.log("one"); break;',
        '    default: app.log("other");',
        '  }',
        '  outer: for (let a = 0; a < 2; a++) { for (;;) { continue outer; } }',
        '  { const inner = i; i = inner + 1; }',
        '  return i;',
      ].join('\n'),
    );
    const result = run(sandbox, code);
    expect(result).toMatchObject({ ok: true, output: 2 });
    expect(outline(result.steps)).toEqual([
      '2 success let i = 0;',
      '3 success while (i < 2) i++;',
      '  3 success i++;',
      '  3 success i++;',
      '4 success do { i--; } while (i > 1);',
      '  4 success i--;',
      '5 success switch (i) {',
      '  6 success app.log("one");',
      '    6 success log one',
      '  6 success break;',
      '9 success outer: for (let a = 0; a < 2; a++) { for (;;) { continue outer; } }',
      '  9 success for (;;) { continue outer; }',
      '    9 success continue outer;',
      '  9 success for (;;) { continue outer; }',
      '    9 success continue outer;',
      '10 success { const inner = i; i = inner + 1; }',
      '  10 success const inner = i;',
      '  10 success i = inner + 1;',
      '11 success return i;',
    ]);
  });

  it('does not instrument nested functions and callbacks, and handles destructured catch bindings', () => {
    const code = handler(
      [
        '  function double(n: number) {',
        '    const twice = n * 2;',
        '    return twice;',
        '  }',
        '  const values = [1, 2].map((v) => {',
        '    return double(v);',
        '  });',
        '  try {',
        '    JSON.parse("{");',
        '  } catch ({ message }) {',
        '    app.log(typeof message);',
        '  }',
        '  return values;',
      ].join('\n'),
    );
    const result = run(sandbox, code);
    expect(result).toMatchObject({ ok: true, output: [2, 4] });
    expect(outline(result.steps)).toEqual([
      '6 success const values = [1, 2].map((v) => {',
      '9 success try {',
      '  10 failed JSON.parse("{");',
      '  12 success app.log(typeof message);',
      '    12 success log string',
      '14 success return values;',
    ]);
  });

  it('treats an else-if chain as one step whose branches are its children', () => {
    const code = handler(
      `  if (event.n === 1) app.log('a');\n  else if (event.n === 2) app.log('b');\n  else app.log('c');`,
    );
    const result = run(sandbox, code, { payload: { n: 2 } });
    expect(outline(result.steps)).toEqual([
      "2 success if (event.n === 1) app.log('a');",
      "  3 success app.log('b');",
      '    3 success log b',
    ]);
  });

  it('measures start and duration of each step', () => {
    const before = performance.timeOrigin + performance.now();
    const result = run(
      sandbox,
      handler(`  let x = 0;\n  for (let i = 0; i < 1000; i++) x += i;\n  return x;`),
    );
    const loop = result.steps[1];
    const ret = result.steps[result.steps.length - 1];
    expect(ret?.text).toBe('return x;');
    expect(loop?.startedAt).toBeGreaterThanOrEqual(before);
    expect(loop?.durationMs).toBeGreaterThan(0);
    expect(ret?.startedAt).toBeGreaterThanOrEqual(
      (loop?.startedAt ?? 0) + (loop?.durationMs ?? 0) - 0.001,
    );
  });

  it('stops recording at maxSteps with one truncated step and runs on', () => {
    const code = handler(
      `  let n = 0;\n  for (let i = 0; i < 100; i++) {\n    n += i;\n  }\n  return n;`,
    );
    const result = run(sandbox, code, { maxSteps: 10 });
    expect(result).toMatchObject({ ok: true, output: 4950, truncated: true });
    expect(result.steps).toHaveLength(11);
    expect(result.steps[10]).toMatchObject({ id: 11, kind: 'truncated', parentId: null, line: 4 });
    expect(result.steps.filter((s) => s.kind === 'statement')).toHaveLength(10);
  });
});

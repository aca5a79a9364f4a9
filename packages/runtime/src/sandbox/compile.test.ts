import { afterAll, describe, expect, it } from 'vitest';
import { createSandbox } from './index.js';
import { prepareHandler } from './prepare.js';
import { handler, run } from './sandbox.harness.js';

const sandbox = createSandbox();
afterAll(() => sandbox.dispose());

describe('compile errors', () => {
  it('reports a syntax error with the author’s line and column', () => {
    const code = handler(`  const a: number = 1;\n  if (a > 0 {\n  }`);
    expect(sandbox.check(code)).toMatchObject({
      code: 'COMPILE_ERROR',
      message: "')' expected. (line 3)",
      line: 3,
      column: 13,
    });
    expect(run(sandbox, code)).toMatchObject({
      ok: false,
      error: { code: 'COMPILE_ERROR', line: 3 },
      steps: [],
    });
  });

  it('reports errors only the JavaScript engine finds, mapped through the instrumentation', () => {
    const code = handler(`  const order = 1;\n  let total = 2;   let total = 3;`);
    expect(sandbox.check(code)).toMatchObject({
      code: 'COMPILE_ERROR',
      message: "Identifier 'total' has already been declared (line 3)",
      line: 3,
      column: 24,
    });
  });

  it.each([
    ['no default export', `const x = 1;\n`, /has no default export/],
    [
      'a function that is not async',
      `export default function (event: any, app: any) {\n  return 1;\n}\n`,
      /handler must be async/,
    ],
    [
      'an arrow function',
      `export default async (event: any, app: any) => {\n  return 1;\n};\n`,
      /not an arrow function/,
    ],
    [
      'a value import',
      `import fs from 'node:fs';\n${handler('  return 1;')}`,
      /imports are not available/,
    ],
    [
      'a named export',
      `export const rate = 1;\n${handler('  return 1;')}`,
      /may only export its handler/,
    ],
    ['an enum', `enum Color { Red }\n${handler('  return Color.Red;')}`, /enums are not supported/],
    ['a <T> assertion', handler('  return <number>event.n;'), /type assertions are not supported/],
  ])('rejects %s', (_, code, message) => {
    const error = sandbox.check(code);
    expect(error?.code).toBe('COMPILE_ERROR');
    expect(error?.message).toMatch(message);
    expect(error?.line).toBeGreaterThan(0);
  });

  it('accepts type-only imports and exports, overloads and a named handler', () => {
    const code = [
      "import type { Order } from './types';",
      "import { type Customer } from './types';",
      'export type Result = { ok: boolean };',
      'export default async function onOrder(event: { next: Order; who?: Customer }, app: unknown): Promise<Result> {',
      '  return { ok: event.next !== undefined };',
      '}',
    ].join('\n');
    expect(sandbox.check(code)).toBeNull();
    expect(run(sandbox, code, { payload: { next: {} } })).toMatchObject({
      ok: true,
      output: { ok: true },
    });
  });
});

describe('instrumentation', () => {
  it('keeps every line of the author’s text on its line', () => {
    const code = handler(
      [
        '  const rows = await app.models.Order.query({});',
        '  for (const row of rows) {',
        '    try { await app.models.Order.update(row.id, {}); } catch { continue; } finally { app.log(row.id); }',
        '  }',
        '  switch (rows.length) { case 0: return null; default: { const first = rows[0]; return first; } }',
      ].join('\n'),
      'event, app',
    );
    const prepared = prepareHandler(code, 1);
    if ('code' in prepared) throw new Error(prepared.message);
    const lines = prepared.source.split('\n');
    const original = code.split('\n');
    // One line is added after the text, to close the wrapper.
    expect(lines).toHaveLength(original.length + 1);
    original.forEach((line, i) => {
      for (const token of line.match(/[A-Za-z_]\w*/g) ?? []) {
        if (token !== 'export' && token !== 'default') expect(lines[i]).toContain(token);
      }
    });
    // Positions on instrumented lines map back to the author's columns.
    const row = original.indexOf('  for (const row of rows) {') + 1;
    const column = original[row - 1]!.indexOf('rows') + 1;
    const generatedColumn = lines[row - 1]!.indexOf('rows') + 1;
    expect(prepared.edited.originalPosition({ line: row, column: generatedColumn })).toEqual({
      line: row,
      column,
    });
  });
});

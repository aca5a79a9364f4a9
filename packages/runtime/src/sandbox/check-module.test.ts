import { afterAll, describe, expect, it } from 'vitest';
import { createSandbox } from './index.js';
import { runService } from './sandbox.harness.js';

const sandbox = createSandbox();
afterAll(() => sandbox.dispose());

describe('checkModule', () => {
  it('lists the exported functions with their parameters, async-ness and line', () => {
    const code = [
      "import type { Order } from './types';",
      'export type Receipt = { charged: number };',
      'const RATE = 0.2;',
      'function helper(x: number) { return x * RATE; }',
      'export function charge(args: { amount: number }): Promise<Receipt>;',
      'export async function charge(args: any, app?: any): Promise<Receipt> {',
      '  return { charged: helper(args.amount) };',
      '}',
      '',
      'export function onOrder(this: void, event: Order) {',
      '  return event;',
      '}',
      'export declare function external(): void;',
      'export interface Shape { a: number }',
    ].join('\n');
    expect(sandbox.checkModule(code)).toEqual({
      error: null,
      functions: [
        { name: 'charge', params: 2, async: true, line: 6 },
        { name: 'onOrder', params: 1, async: false, line: 10 },
      ],
    });
    expect(runService(sandbox, code, 'charge', { amount: 10 })).toMatchObject({
      ok: true,
      output: { charged: 2 },
    });
    expect(runService(sandbox, code, 'onOrder', { id: 1 })).toMatchObject({
      ok: true,
      output: { id: 1 },
    });
  });

  it('reports a syntax error with line and column, and still lists the functions it read', () => {
    const code = [
      'export async function charge(args: any, app: any) {',
      '  return 1;',
      '}',
      'export async function refund(args: any, app: any) {',
      '  if (args.x > 0 {',
      '  }',
      '}',
    ].join('\n');
    const check = sandbox.checkModule(code);
    expect(check.error).toEqual({
      code: 'COMPILE_ERROR',
      message: "')' expected. (line 5)",
      line: 5,
      column: 18,
    });
    expect(check.functions.map((f) => f.name)).toEqual(['charge', 'refund']);
    expect(runService(sandbox, code, 'charge', {})).toMatchObject({
      ok: false,
      error: { code: 'COMPILE_ERROR', line: 5 },
      steps: [],
    });
  });

  it('reports errors only the JavaScript engine finds at the author’s position', () => {
    const code = 'export function total() {\n  let sum = 1;   let sum = 2;\n}\n';
    expect(sandbox.checkModule(code)).toEqual({
      error: {
        code: 'COMPILE_ERROR',
        message: "Identifier 'sum' has already been declared (line 2)",
        line: 2,
        column: 22,
      },
      functions: [{ name: 'total', params: 0, async: false, line: 1 }],
    });
  });

  const fn = 'export async function charge(args: any, app: any) {\n  return 1;\n}\n';
  it.each([
    [
      'a value import',
      `import fs from 'node:fs';\n${fn}`,
      /^imports are not available in service code/,
      1,
    ],
    ['a default export', `${fn}export default charge;\n`, /service code has no default export/, 4],
    [
      'a default function',
      `${fn}export default async function (e: any) {}\n`,
      /service code has no default export/,
      4,
    ],
    [
      'an exported value',
      `${fn}export const rate = 1;\n`,
      /service code exports functions only/,
      4,
    ],
    [
      'an export list',
      `function charge() {}\nexport { charge };\n`,
      /write `export` on the function declaration itself/,
      2,
    ],
    [
      'a function exported twice',
      `${fn}${fn}`,
      /service function charge is exported more than once/,
      4,
    ],
    ['a generator', `export function* charge() {}\n`, /charge cannot be a generator/, 1],
    ['an enum', `enum Color { Red }\n${fn}`, /enums are not supported in service code/, 1],
  ])('rejects %s', (_, code, message, line) => {
    const { error } = sandbox.checkModule(code);
    expect(error?.code).toBe('COMPILE_ERROR');
    expect(error?.message).toMatch(message);
    expect(error?.line).toBe(line);
  });
});

import { afterAll, describe, expect, it, vi } from 'vitest';
import { createSandbox } from './index.js';
import { prepareService } from './prepare.js';
import { runService } from './sandbox.harness.js';

vi.mock('./prepare.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./prepare.js')>();
  return { ...actual, prepareService: vi.fn(actual.prepareService) };
});

const sandbox = createSandbox();
afterAll(() => sandbox.dispose());

describe('service module cache', () => {
  it('prepares a module once per version for all its functions', () => {
    const code = [
      'let calls = 0;',
      'export async function a() {\n  calls++;\n  return calls;\n}',
      'export function b() {\n  return "b";\n}',
    ].join('\n');
    const results = [
      runService(sandbox, code, 'a', {}, { version: 'm1' }),
      runService(sandbox, code, 'b', {}, { version: 'm1' }),
      runService(sandbox, code, 'a', {}, { version: 'm1' }),
      runService(sandbox, code, 'nope', {}, { version: 'm1' }),
    ];
    // Top-level code runs again on every run: module variables keep nothing between runs.
    expect(results.map((r) => (r.ok ? r.output : r.error.code))).toEqual([1, 'b', 1, 'NOT_FOUND']);
    expect(vi.mocked(prepareService)).toHaveBeenCalledTimes(1);
    runService(sandbox, code, 'a', {}, { version: 'm2' });
    expect(vi.mocked(prepareService)).toHaveBeenCalledTimes(2);
  });
});

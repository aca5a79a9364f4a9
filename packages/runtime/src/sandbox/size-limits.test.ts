import { afterAll, describe, expect, it } from 'vitest';
import { createSandbox } from './sandbox.js';
import { handler, run } from './sandbox.harness.js';

const sandbox = createSandbox({ memoryLimitMb: 128 });
afterAll(() => sandbox.dispose());

describe('what leaves the sandbox is capped', () => {
  it('refuses a huge return value instead of carrying it into the records', () => {
    const r = run(sandbox, handler(`return 'x'.repeat(3 * 1024 * 1024);`));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toMatch(/returned value is 3\.0 MB of JSON; at most 1 MB can be kept/);
  });

  it('clips a huge error message', () => {
    const r = run(sandbox, handler(`throw new Error('z'.repeat(1_000_000));`));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message.length).toBeLessThan(4_100);
    expect(r.error.message).toMatch(/more characters\)$/);
  });

  it('still returns ordinary values whole', () => {
    const r = run(sandbox, handler(`return { text: 'y'.repeat(100_000) };`));
    expect(r.ok && (r.output as { text: string }).text.length).toBe(100_000);
  });
});

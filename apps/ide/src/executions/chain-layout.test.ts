import { describe, expect, it } from 'vitest';
import type { Execution } from '../api/types';
import { CARD_WIDTH, layoutChain } from './chain-layout';

const run = (id: string, parentId: string | null, startedAt: string) =>
  ({ id, parentId, startedAt }) as Execution;

describe('layoutChain', () => {
  it('puts children below their parent and runs of one level side by side in start order', () => {
    const { placed, edges } = layoutChain([
      run('c2', 'root', '2024-01-01T00:00:03Z'),
      run('root', null, '2024-01-01T00:00:01Z'),
      run('c1', 'root', '2024-01-01T00:00:02Z'),
      run('g1', 'c1', '2024-01-01T00:00:02.5Z'),
    ]);
    const at = Object.fromEntries(placed.map((p) => [p.run.id, p]));
    expect(at.root!.y).toBe(0);
    expect(at.c1!.y).toBeGreaterThan(0);
    expect(at.g1!.y).toBeGreaterThan(at.c1!.y);
    expect(at.c1!.x).toBe(at.root!.x);
    expect(at.c2!.y).toBe(at.c1!.y);
    expect(at.c2!.x).toBeGreaterThanOrEqual(at.g1!.x + CARD_WIDTH);
    expect(edges).toEqual([
      { from: 'root', to: 'c1' },
      { from: 'c1', to: 'g1' },
      { from: 'root', to: 'c2' },
    ]);
  });

  it('shows runs whose parent is outside the chain as roots', () => {
    expect(layoutChain([run('a', 'elsewhere', '')]).placed[0]).toMatchObject({ x: 0, y: 0 });
  });

  it('lays the runs of a plain request out in one row', () => {
    const { placed } = layoutChain([run('before', null, '1'), run('after', null, '2')]);
    expect(placed.map((p) => p.y)).toEqual([0, 0]);
    expect(placed[1]!.x).toBeGreaterThan(placed[0]!.x);
  });
});

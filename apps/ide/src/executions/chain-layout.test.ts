import { describe, expect, it } from 'vitest';
import type { Execution } from '../api/types';
import { CARD_HEIGHT, layoutChain } from './chain-layout';

const run = (id: string, parentId: string | null, startedAt: string) =>
  ({ id, parentId, startedAt }) as Execution;

describe('layoutChain', () => {
  it('puts children to the right of their parent and siblings below each other', () => {
    const { placed, edges } = layoutChain([
      run('c2', 'root', '2024-01-01T00:00:03Z'),
      run('root', null, '2024-01-01T00:00:01Z'),
      run('c1', 'root', '2024-01-01T00:00:02Z'),
      run('g1', 'c1', '2024-01-01T00:00:02.5Z'),
    ]);
    const at = Object.fromEntries(placed.map((p) => [p.run.id, p]));
    expect(at.root!.x).toBe(0);
    expect(at.c1!.x).toBeGreaterThan(0);
    expect(at.g1!.x).toBeGreaterThan(at.c1!.x);
    expect(at.c1!.y).toBe(at.root!.y);
    expect(at.c2!.y).toBeGreaterThanOrEqual(at.g1!.y + CARD_HEIGHT);
    expect(edges).toEqual([
      { from: 'root', to: 'c1' },
      { from: 'c1', to: 'g1' },
      { from: 'root', to: 'c2' },
    ]);
  });

  it('shows runs whose parent is outside the chain as roots', () => {
    expect(layoutChain([run('a', 'elsewhere', '')]).placed[0]).toMatchObject({ x: 0, y: 0 });
  });
});

import { describe, expect, it } from 'vitest';
import { END_HEIGHT, layoutFlow, NODE_HEIGHT, NODE_WIDTH } from './flow-diagram';

const node = (id: string) => ({ id, approvers: ['ann'], mode: 'any' as const });

describe('layoutFlow', () => {
  it('links submitted → nodes in order → approved, and every node to rejected', () => {
    const { edges } = layoutFlow([node('manager'), node('finance')]);
    expect(edges.map((e) => `${e.from}->${e.to}:${e.kind}`)).toEqual([
      'start->node:0:submit',
      'node:0->rejected:reject',
      'node:0->node:1:approve',
      'node:1->rejected:reject',
      'node:1->approved:approve',
    ]);
  });

  it('places the nodes top-down without overlap and rejected beside them', () => {
    const { items } = layoutFlow([node('a'), node('b'), node('c')]);
    const steps = items.filter((i) => i.kind === 'node');
    for (let i = 1; i < steps.length; i++)
      expect(steps[i]!.y).toBeGreaterThanOrEqual(steps[i - 1]!.y + NODE_HEIGHT);
    const approved = items.find((i) => i.kind === 'approved')!;
    expect(approved.y).toBeGreaterThan(steps[2]!.y + NODE_HEIGHT);
    const rejected = items.find((i) => i.kind === 'rejected')!;
    expect(rejected.x).toBeGreaterThan(NODE_WIDTH);
    expect(rejected.y + END_HEIGHT / 2).toBeGreaterThan(steps[0]!.y);
    expect(rejected.y + END_HEIGHT / 2).toBeLessThan(steps[2]!.y + NODE_HEIGHT);
  });

  it('does not clash with a node called "start" and draws no rejected end without nodes', () => {
    expect(layoutFlow([node('start')]).items.map((i) => i.id)).toEqual([
      'start',
      'node:0',
      'approved',
      'rejected',
    ]);
    const empty = layoutFlow([]);
    expect(empty.items.map((i) => i.kind)).toEqual(['start', 'approved']);
    expect(empty.edges).toEqual([
      { id: 'start->approved', from: 'start', to: 'approved', kind: 'submit' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import type { Step } from '../api/types';
import { buildStepTree, failingStep } from './step-tree';

const step = (
  id: string,
  parentId: string | null,
  order: number,
  status: Step['status'] = 'success',
): Step => ({
  id,
  parentId,
  order,
  kind: 'statement',
  status,
  line: order + 1,
  endLine: order + 1,
  range: [0, 1],
  text: id,
  startedAt: null,
  durationMs: 1,
});

describe('buildStepTree', () => {
  it('nests steps under their parent in order', () => {
    const tree = buildStepTree([
      step('b', null, 1),
      step('a', null, 0),
      step('a2', 'a', 1),
      step('a1', 'a', 0),
    ]);
    expect(tree.map((n) => n.id)).toEqual(['a', 'b']);
    expect(tree[0]!.children.map((n) => n.id)).toEqual(['a1', 'a2']);
  });

  it('keeps steps whose parent is missing at the top', () => {
    expect(buildStepTree([step('x', 'gone', 0)]).map((n) => n.id)).toEqual(['x']);
  });
});

describe('failingStep', () => {
  it('finds the deepest failed step', () => {
    const tree = buildStepTree([
      step('if', null, 0, 'failed'),
      step('throw', 'if', 0, 'failed'),
      step('ok', null, 1),
    ]);
    expect(failingStep(tree)?.id).toBe('throw');
    expect(failingStep(buildStepTree([step('ok', null, 0)]))).toBeNull();
  });
});

describe('step ids', () => {
  it('treats numeric and text ids alike', () => {
    const tree = buildStepTree([
      { ...step('x', null, 0), id: 1 },
      { ...step('y', null, 0), id: 2, parentId: 1 },
    ]);
    expect(tree[0]!.id).toBe('1');
    expect(tree[0]!.children[0]!.id).toBe('2');
  });
});

import type { Step } from '../api/types';

export type StepNode = Step & { children: StepNode[] };

/**
 * Steps are stored flat (id, parentId, order); the path view shows them nested. Steps whose parent
 * is missing (cut by the step cap) are shown at the top level rather than dropped.
 */
export function buildStepTree(steps: readonly Step[]): StepNode[] {
  const nodes = new Map<string, StepNode>(steps.map((s) => [s.id, { ...s, children: [] }]));
  const roots: StepNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: StepNode[]) => {
    list.sort((a, b) => a.order - b.order);
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

/** The failed step deepest in the tree: where the run broke. */
export function failingStep(roots: readonly StepNode[]): StepNode | null {
  let found: StepNode | null = null;
  const walk = (list: readonly StepNode[]) => {
    for (const node of list) {
      if (node.status === 'failed') found = node;
      walk(node.children);
    }
  };
  walk(roots);
  return found;
}

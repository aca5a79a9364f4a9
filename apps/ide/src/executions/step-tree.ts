import type { Step } from '../api/types';

export type StepNode = Omit<Step, 'id' | 'parentId'> & {
  id: string;
  parentId: string | null;
  children: StepNode[];
};

/**
 * Steps are stored flat (id, parentId, order); the path view shows them nested. Steps whose parent
 * is missing (cut by the step cap) are shown at the top level rather than dropped.
 */
export function buildStepTree(steps: readonly Step[]): StepNode[] {
  // Ids are compared as text: the tree widget keys nodes by string.
  const nodes = new Map<string, StepNode>(
    steps.map((s) => [
      String(s.id),
      {
        ...s,
        id: String(s.id),
        parentId: s.parentId === null || s.parentId === undefined ? null : String(s.parentId),
        children: [],
      },
    ]),
  );
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

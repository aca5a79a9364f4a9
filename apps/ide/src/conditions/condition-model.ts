import type { Condition, ConditionLeaf, Operator } from '@whenthen/schema';

/**
 * The condition builder edits this tree, not the stored JSON directly: every node has an id so rows
 * keep their identity while editing, a group carries its and/or and an optional "not". It converts
 * both ways without losing meaning; a bare leaf or a `not` around a leaf becomes a one-row group.
 */
export type BuilderLeaf = {
  id: string;
  kind: 'leaf';
  field: string;
  op: Operator | '';
  value: unknown;
};
export type BuilderGroup = {
  id: string;
  kind: 'group';
  join: 'and' | 'or';
  negate: boolean;
  children: BuilderNode[];
};
export type BuilderNode = BuilderLeaf | BuilderGroup;

let counter = 0;
export const nextId = (): string => `n${++counter}`;

export const emptyGroup = (join: 'and' | 'or' = 'and'): BuilderGroup => ({
  id: nextId(),
  kind: 'group',
  join,
  negate: false,
  children: [],
});
export const emptyLeaf = (): BuilderLeaf => ({
  id: nextId(),
  kind: 'leaf',
  field: '',
  op: '',
  value: undefined,
});

export function toBuilder(condition: Condition | null | undefined): BuilderGroup {
  if (!condition) return emptyGroup();
  const node = toNode(condition);
  return node.kind === 'group' ? node : { ...emptyGroup(), children: [node] };
}

function toNode(c: Condition): BuilderNode {
  if ('and' in c)
    return { id: nextId(), kind: 'group', join: 'and', negate: false, children: c.and.map(toNode) };
  if ('or' in c)
    return { id: nextId(), kind: 'group', join: 'or', negate: false, children: c.or.map(toNode) };
  if ('not' in c) {
    const inner = toNode(c.not);
    if (inner.kind === 'group' && !inner.negate) return { ...inner, negate: true };
    return { id: nextId(), kind: 'group', join: 'and', negate: true, children: [inner] };
  }
  return { id: nextId(), kind: 'leaf', field: c.field, op: c.op, value: c.value };
}

/**
 * The stored form, plus the JSON path (as `checkCondition` reports it, from `root`) of every node,
 * so problems can be shown beside the row they concern. An empty root gives null: no filter.
 */
export function fromBuilder(
  root: BuilderGroup,
  rootPath = 'filter',
): { condition: Condition | null; paths: Map<string, string> } {
  const paths = new Map<string, string>();
  if (root.children.length === 0 && !root.negate) return { condition: null, paths };
  const walk = (node: BuilderNode, at: string): Condition => {
    if (node.kind === 'leaf') {
      paths.set(node.id, at);
      const leaf: ConditionLeaf = { field: node.field, op: (node.op || 'eq') as Operator };
      if (node.op !== 'isNull' && node.op !== 'notNull') leaf.value = node.value;
      return leaf;
    }
    const innerAt = node.negate ? `${at}.not` : at;
    paths.set(node.id, innerAt);
    const children = node.children.map((child, i) => walk(child, `${innerAt}.${node.join}.${i}`));
    const group: Condition = node.join === 'and' ? { and: children } : { or: children };
    return node.negate ? { not: group } : group;
  };
  return { condition: walk(root, rootPath), paths };
}

/**
 * What a row still lacks before it can be checked: its field, its operator, or its value (every
 * operator but isNull / notNull takes one). Said by the builder in the user's language.
 */
export function missingPart(leaf: BuilderLeaf): 'field' | 'op' | 'value' | null {
  if (!leaf.field) return 'field';
  if (!leaf.op) return 'op';
  if (leaf.op === 'isNull' || leaf.op === 'notNull') return null;
  return leaf.value === undefined || leaf.value === null ? 'value' : null;
}

/** Immutable edits, each returning a new tree. */
export function updateNode(
  root: BuilderGroup,
  id: string,
  change: (node: BuilderNode) => BuilderNode | null,
): BuilderGroup {
  const visit = (node: BuilderNode): BuilderNode | null => {
    if (node.id === id) return change(node);
    if (node.kind === 'leaf') return node;
    const children = node.children.map(visit).filter((n): n is BuilderNode => n !== null);
    return children.length === node.children.length &&
      children.every((c, i) => c === node.children[i])
      ? node
      : { ...node, children };
  };
  return (visit(root) as BuilderGroup | null) ?? emptyGroup();
}

export const appendChild = (
  root: BuilderGroup,
  groupId: string,
  child: BuilderNode,
): BuilderGroup =>
  updateNode(root, groupId, (node) =>
    node.kind === 'group' ? { ...node, children: [...node.children, child] } : node,
  );

export const removeNode = (root: BuilderGroup, id: string): BuilderGroup =>
  root.id === id ? emptyGroup(root.join) : updateNode(root, id, () => null);

/** A one-line reading of a condition, e.g. `Sales greater than 1000 and Region is one of [East, West]`. */
export function describeCondition(
  c: Condition,
  words: {
    field: (name: string) => string;
    op: (op: Operator) => string;
    and: string;
    or: string;
    not: string;
  },
): string {
  const show = (value: unknown): string =>
    Array.isArray(value)
      ? `[${value.map(show).join(', ')}]`
      : typeof value === 'string'
        ? value
        : JSON.stringify(value);
  const walk = (node: Condition, nested: boolean): string => {
    if ('and' in node || 'or' in node) {
      const list = 'and' in node ? node.and : node.or;
      const text = list.map((x) => walk(x, true)).join('and' in node ? words.and : words.or);
      return nested && list.length > 1 ? `(${text})` : text;
    }
    if ('not' in node) return `${words.not}${walk(node.not, true)}`;
    const head = `${words.field(node.field)} ${words.op(node.op)}`;
    return node.op === 'isNull' || node.op === 'notNull' ? head : `${head} ${show(node.value)}`;
  };
  return walk(c, false);
}

import type { ApprovalNode } from '@whenthen/schema';

export const NODE_WIDTH = 232;
export const NODE_HEIGHT = 76;
export const END_WIDTH = 132;
export const END_HEIGHT = 38;
const GAP = 40;
const SIDE_GAP = 72;

export type DiagramItem =
  | { kind: 'start'; id: 'start'; x: number; y: number }
  | { kind: 'node'; id: string; index: number; node: ApprovalNode; x: number; y: number }
  | { kind: 'approved' | 'rejected'; id: 'approved' | 'rejected'; x: number; y: number };

export type DiagramEdge = {
  id: string;
  from: string;
  to: string;
  kind: 'submit' | 'approve' | 'reject';
};

/** Node ids in the diagram are prefixed, so a node called "start" cannot clash with the start. */
export const diagramNodeId = (index: number) => `node:${index}`;

/**
 * Places a flow top-down: submitted → each node in order → approved, with "rejected" beside the
 * nodes, every node linked to it (any reject ends the instance). Positions are top-left corners.
 */
export function layoutFlow(nodes: readonly ApprovalNode[]): {
  items: DiagramItem[];
  edges: DiagramEdge[];
  width: number;
  height: number;
} {
  const endX = (NODE_WIDTH - END_WIDTH) / 2;
  const items: DiagramItem[] = [{ kind: 'start', id: 'start', x: endX, y: 0 }];
  const edges: DiagramEdge[] = [];
  let y = END_HEIGHT + GAP;
  let previous = 'start';
  nodes.forEach((node, index) => {
    const id = diagramNodeId(index);
    items.push({ kind: 'node', id, index, node, x: 0, y });
    edges.push({
      id: `${previous}->${id}`,
      from: previous,
      to: id,
      kind: index === 0 ? 'submit' : 'approve',
    });
    edges.push({ id: `${id}->rejected`, from: id, to: 'rejected', kind: 'reject' });
    previous = id;
    y += NODE_HEIGHT + GAP;
  });
  items.push({ kind: 'approved', id: 'approved', x: endX, y });
  edges.push({
    id: `${previous}->approved`,
    from: previous,
    to: 'approved',
    kind: nodes.length ? 'approve' : 'submit',
  });
  const nodesTop = END_HEIGHT + GAP;
  const nodesBottom = nodesTop + Math.max(1, nodes.length) * (NODE_HEIGHT + GAP) - GAP;
  if (nodes.length)
    items.push({
      kind: 'rejected',
      id: 'rejected',
      x: NODE_WIDTH + SIDE_GAP,
      y: Math.round((nodesTop + nodesBottom) / 2 - END_HEIGHT / 2),
    });
  return {
    items,
    edges,
    width: NODE_WIDTH + (nodes.length ? SIDE_GAP + END_WIDTH : 0),
    height: y + END_HEIGHT,
  };
}

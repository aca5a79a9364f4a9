import type { Execution } from '../api/types';

export const CARD_WIDTH = 240;
export const CARD_HEIGHT = 92;
const GAP_X = 40;
const GAP_Y = 56;

export type PlacedRun = { run: Execution; x: number; y: number };

/**
 * Places a request's runs as a top-down tree: a run set off by another sits one row below it;
 * runs on the same level go left to right in start order (for one write: before, then after
 * handlers), so a plain request reads as one row; a parent lines up with its first child.
 */
export function layoutChain(chain: readonly Execution[]): {
  placed: PlacedRun[];
  edges: { from: string; to: string }[];
} {
  const ids = new Set(chain.map((r) => r.id));
  const byStart = [...chain].sort(
    (a, b) => (a.startedAt ?? '').localeCompare(b.startedAt ?? '') || a.id.localeCompare(b.id),
  );
  const children = new Map<string, Execution[]>();
  const roots: Execution[] = [];
  for (const run of byStart) {
    if (run.parentId && ids.has(run.parentId))
      children.set(run.parentId, [...(children.get(run.parentId) ?? []), run]);
    else roots.push(run);
  }
  const placed: PlacedRun[] = [];
  const edges: { from: string; to: string }[] = [];
  let column = 0;
  const place = (run: Execution, depth: number) => {
    const x = column * (CARD_WIDTH + GAP_X);
    placed.push({ run, x, y: depth * (CARD_HEIGHT + GAP_Y) });
    const kids = children.get(run.id) ?? [];
    if (kids.length === 0) column++;
    for (const kid of kids) {
      edges.push({ from: run.id, to: kid.id });
      place(kid, depth + 1);
    }
  };
  roots.forEach((root) => place(root, 0));
  return { placed, edges };
}

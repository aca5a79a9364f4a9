import type { Execution } from '../api/types';

export const CARD_WIDTH = 240;
export const CARD_HEIGHT = 92;
const GAP_X = 70;
const GAP_Y = 26;

export type PlacedRun = { run: Execution; x: number; y: number };

/**
 * Places a request's runs as a left-to-right tree: a run set off by another sits one column to
 * its right; siblings stack downwards in start order; a parent lines up with its first child.
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
  let row = 0;
  const place = (run: Execution, depth: number) => {
    const y = row * (CARD_HEIGHT + GAP_Y);
    placed.push({ run, x: depth * (CARD_WIDTH + GAP_X), y });
    const kids = children.get(run.id) ?? [];
    if (kids.length === 0) row++;
    for (const kid of kids) {
      edges.push({ from: run.id, to: kid.id });
      place(kid, depth + 1);
    }
  };
  roots.forEach((root) => place(root, 0));
  return { placed, edges };
}

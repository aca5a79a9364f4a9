import type { Execution } from '../api/types';

/**
 * A call's runs as an indented list: each run under the run that set it off, siblings in start
 * order (the listing API answers newest first).
 */
export function runsInOrder(runs: readonly Execution[]): { run: Execution; level: number }[] {
  const ids = new Set(runs.map((r) => r.id));
  const byStart = [...runs].sort(
    (a, b) => (a.startedAt ?? '').localeCompare(b.startedAt ?? '') || a.id.localeCompare(b.id),
  );
  const children = new Map<string, Execution[]>();
  const roots: Execution[] = [];
  for (const run of byStart) {
    if (run.parentId && ids.has(run.parentId))
      children.set(run.parentId, [...(children.get(run.parentId) ?? []), run]);
    else roots.push(run);
  }
  const out: { run: Execution; level: number }[] = [];
  const visit = (run: Execution, level: number) => {
    out.push({ run, level });
    for (const child of children.get(run.id) ?? []) visit(child, level + 1);
  };
  roots.forEach((root) => visit(root, 0));
  return out;
}

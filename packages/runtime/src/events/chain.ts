import { newId } from '../ids.js';

/**
 * Where a write stands in its request: the request id, the run whose handler made it (if any), how
 * deep in handler-made writes it is, and the (event, record) pairs of its ancestors. A run of an
 * event for a record that is already among its ancestors would only repeat itself, so it is skipped.
 */
export type Chain = {
  requestId: string;
  parentId: string | null;
  depth: number;
  ancestors: readonly string[];
  /** Event names along the chain, for the DEPTH_LIMIT message. */
  path: readonly string[];
  /**
   * When the sync run that made this write must be done (epoch ms): a nested run gets at most what
   * is left of its caller's time limit. Absent at the root and for async runs (never queued).
   */
  deadline?: number;
};

export function rootChain(requestId = newId()): Chain {
  return { requestId, parentId: null, depth: 0, ancestors: [], path: [] };
}

export const ancestorKey = (event: string, record: string): string => `${event}#${record}`;

import { randomBytes } from 'node:crypto';

let lastMs = 0;
let seq = 0;
const node = randomBytes(2).toString('hex');

/**
 * A sortable string id: 9 base-36 chars of epoch ms, 4 of a per-ms sequence, 4 random hex chars
 * (so two processes never collide). Sorting ids sorts by creation time, so a time range is an id range.
 */
export function newId(now = Date.now()): string {
  if (now === lastMs) seq++;
  else {
    lastMs = now;
    seq = 0;
  }
  return now.toString(36).padStart(9, '0') + seq.toString(36).padStart(4, '0') + node;
}

/** The smallest id created at or after `ms`. */
export function idFloor(ms: number): string {
  return Math.max(0, Math.floor(ms)).toString(36).padStart(9, '0');
}

export function idTime(id: string): number {
  return parseInt(id.slice(0, 9), 36);
}

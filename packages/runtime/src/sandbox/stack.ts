import type { Position } from './position-map.js';

/** Compiled scripts are named `wt-h<id>`; stacks show them as `handler.ts` or `service.ts`. */
export function handlerFilename(id: number): string {
  return `wt-h${id}`;
}

const LOCATION = /\bwt-h(\d+):(\d+):(\d+)/;

export type MappedStack = { stack: string; position?: Position };

/**
 * Rewrites a stack from inside the isolate for the author: frames of this script point at the
 * original text (`handler.ts:7:11`, shown as `shown`), frames of built-ins (`Array.map (<anonymous>)`) stay, and the
 * sandbox's own frames and host frames are dropped. `position` is the first handler frame.
 */
export function mapStack(
  stack: string,
  handlerId: number,
  toOriginal: (p: Position) => Position,
  shown: string,
): MappedStack {
  const out: string[] = [];
  let position: Position | undefined;
  for (const line of stack.split('\n')) {
    if (!/^\s+at /.test(line)) {
      if (out.length === 0 || !/^\s+at /.test(out[out.length - 1] ?? '')) out.push(line);
      continue;
    }
    const match = LOCATION.exec(line);
    if (match) {
      if (Number(match[1]) !== handlerId) continue;
      const original = toOriginal({ line: Number(match[2]), column: Number(match[3]) });
      position ??= original;
      out.push(line.replace(LOCATION, `${shown}:${original.line}:${original.column}`));
    } else if (/\((<anonymous>|native|index \d+)\)$/.test(line)) {
      out.push(line);
    }
  }
  return position ? { stack: out.join('\n'), position } : { stack: out.join('\n') };
}

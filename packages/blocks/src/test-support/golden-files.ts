/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';

const directory = new URL('../__golden__/', import.meta.url);

/** The golden handlers, by name (`03-notify`), in order. */
export function goldenHandlers(): { name: string; code: string }[] {
  return readdirSync(directory)
    .filter((file) => /^\d+-[\w-]+\.ts$/.test(file))
    .sort()
    .map((file) => ({
      name: file.slice(0, -3),
      code: readFileSync(new URL(file, directory), 'utf8'),
    }));
}

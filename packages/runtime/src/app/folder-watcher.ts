import { readdirSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

/**
 * Watches an application folder for changes made outside WhenThen (an editor, a `git pull`).
 * Every folder gets its own watch rather than one recursive watch: element files are saved by
 * writing a temp file and renaming it over the old one, and a recursive watch on Linux loses track
 * of a file once it has been replaced that way, while a folder's watch sees every rename in it.
 */
export function watchFolder(
  root: string,
  onChange: () => void,
  debounceMs = 60,
): { close(): void } {
  const watchers = new Map<string, FSWatcher>();
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  const folders = (dir: string, out: string[] = []): string[] => {
    out.push(dir);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return out;
    }
    for (const e of entries)
      if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules')
        folders(join(dir, e.name), out);
    return out;
  };

  /** Watches the folders that exist now and drops the watches of folders that are gone. */
  const sync = () => {
    const now = new Set(folders(root));
    for (const [dir, w] of watchers)
      if (!now.has(dir)) {
        w.close();
        watchers.delete(dir);
      }
    for (const dir of now) {
      if (watchers.has(dir)) continue;
      try {
        const w = watch(dir, (_type, file) => {
          const name = String(file ?? '');
          if (name.endsWith('.tmp') || name.startsWith('.')) return;
          schedule();
        });
        w.on('error', () => {
          w.close();
          watchers.delete(dir);
        });
        watchers.set(dir, w);
      } catch {
        // The folder went away between listing and watching; the next sync settles it.
      }
    }
  };

  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      if (closed) return;
      sync();
      onChange();
    }, debounceMs);
  };

  sync();
  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}

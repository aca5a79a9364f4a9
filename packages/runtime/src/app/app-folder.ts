import {
  appSchema,
  GROUPS,
  MAX_JSON_DEPTH,
  nestingDepth,
  parseElement,
  parseFullName,
  zodProblems,
  type AppDefinition,
  type ElementDefinition,
  type ElementProblem,
  type Group,
} from '@whenthen/schema';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

const GROUP_TYPE: Partial<Record<Group, string>> = { events: 'event', services: 'service' };

/** The code file each element type keeps beside its `e.json`. */
export const CODE_FILE: Partial<Record<string, string>> = {
  event: 'handler.ts',
  service: 'service.ts',
};

export type LoadedElement = {
  name: string;
  group: Group;
  /** The parsed definition, or null when e.json is not valid. */
  definition: ElementDefinition | null;
  raw: unknown;
  code: string | null;
  version: string;
  problems: ElementProblem[];
};

export type LoadedFolder = {
  app: AppDefinition;
  elements: LoadedElement[];
  problems: ElementProblem[];
};

export function contentVersion(definitionText: string, code: string | null): string {
  return createHash('sha256')
    .update(definitionText)
    .update('\0')
    .update(code ?? '')
    .digest('hex')
    .slice(0, 16);
}

/** How deep an element file may nest (the REST API refuses deeper bodies the same way). */
export const MAX_FILE_DEPTH = MAX_JSON_DEPTH;

function readJson(path: string, file: string, problems: ElementProblem[]): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    problems.push({ file, field: '(file)', reason: 'cannot be read' });
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    problems.push({ file, field: '(root)', reason: `not valid JSON: ${(e as Error).message}` });
    return undefined;
  }
}

/** Reads every element of an application folder. Bad elements are reported, never fatal. */
export function readFolder(dir: string): LoadedFolder {
  const problems: ElementProblem[] = [];
  let app: AppDefinition = { name: 'app' };
  const appFile = join(dir, 'app.json');
  if (existsSync(appFile)) {
    const raw = readJson(appFile, 'app.json', problems);
    if (raw !== undefined && nestingDepth(raw) > MAX_FILE_DEPTH)
      problems.push({
        file: 'app.json',
        field: '(root)',
        reason: `nested more than ${MAX_FILE_DEPTH} levels deep`,
      });
    else if (raw !== undefined) {
      const parsed = appSchema.safeParse(raw);
      if (parsed.success) app = parsed.data;
      else problems.push(...zodProblems('app.json', parsed.error));
    }
  }
  const elements: LoadedElement[] = [];
  for (const group of GROUPS) {
    const groupDir = join(dir, group);
    if (!existsSync(groupDir)) continue;
    const byLowerName = new Map<string, string[]>();
    let entries: string[];
    try {
      entries = readdirSync(groupDir).sort();
    } catch (e) {
      problems.push({
        file: group,
        field: '(file)',
        reason: `cannot be read as a folder: ${(e as Error).message}`,
      });
      continue;
    }
    for (const entry of entries) {
      const elementDir = join(groupDir, entry);
      if (entry.startsWith('.')) continue;
      // A dangling symlink, or an entry a git checkout removed since the listing, is reported
      // (or gone on the next reload) instead of failing the whole folder.
      let isDir: boolean;
      try {
        isDir = statSync(elementDir).isDirectory();
      } catch (e) {
        problems.push({
          file: `${group}/${entry}`,
          field: '(file)',
          reason: `cannot be read: ${(e as Error).message}`,
        });
        continue;
      }
      if (!isDir) continue;
      const name = `${group}.${entry}`;
      const file = `${group}/${entry}/e.json`;
      if (!parseFullName(name)) {
        problems.push({
          file,
          field: '(name)',
          reason: `"${entry}" is not a valid element name (A-Z first, then letters and digits)`,
        });
        continue;
      }
      const same = byLowerName.get(name.toLowerCase()) ?? [];
      same.push(name);
      byLowerName.set(name.toLowerCase(), same);
    }
    for (const names of byLowerName.values()) {
      for (const name of names) {
        const el = readElement(dir, name);
        // Names that differ only in case would share one table (SQLite names ignore case) and one
        // lookup, and nothing says which is the real one: none of them loads until one is renamed.
        const others = names.filter((n) => n !== name);
        if (others.length)
          el.problems.unshift({
            file: `${group}/${name.slice(group.length + 1)}/e.json`,
            field: '(name)',
            reason: `clashes with ${others.join(', ')} (names are unique ignoring case); rename or remove one`,
          });
        elements.push(el);
      }
    }
  }
  return { app, elements, problems };
}

export function readElement(dir: string, name: string): LoadedElement {
  const { group, short } = parseFullName(name)!;
  const elementDir = join(dir, group, short);
  const file = `${group}/${short}/e.json`;
  const problems: ElementProblem[] = [];
  let text = '';
  try {
    text = readFileSync(join(elementDir, 'e.json'), 'utf8');
  } catch {
    problems.push({ file, field: '(file)', reason: 'missing e.json' });
  }
  let raw: unknown;
  if (text) {
    try {
      raw = JSON.parse(text);
    } catch (e) {
      problems.push({ file, field: '(root)', reason: `not valid JSON: ${(e as Error).message}` });
    }
  }
  let definition: ElementDefinition | null = null;
  if (raw !== undefined && nestingDepth(raw) > MAX_FILE_DEPTH) {
    // The checks recurse; a file nested thousands deep (a filter of nested "not"s) would overflow
    // the stack and take the whole folder down with it.
    problems.push({
      file,
      field: '(root)',
      reason: `nested more than ${MAX_FILE_DEPTH} levels deep`,
    });
    raw = undefined;
  } else if (raw !== undefined) {
    try {
      const parsed = parseElement(file, raw);
      if (parsed.ok) definition = parsed.definition;
      else problems.push(...parsed.problems);
    } catch (e) {
      problems.push({
        file,
        field: '(root)',
        reason: `cannot be checked: ${(e as Error).message}`,
      });
    }
  }
  // The code file follows from the group, so it is read even when e.json is broken.
  const type = (raw as { type?: string } | undefined)?.type ?? GROUP_TYPE[group];
  const codeFile = type ? CODE_FILE[type] : undefined;
  let code: string | null = null;
  if (codeFile && existsSync(join(elementDir, codeFile))) {
    try {
      code = readFileSync(join(elementDir, codeFile), 'utf8');
    } catch (e) {
      problems.push({
        file: `${group}/${short}/${codeFile}`,
        field: '(file)',
        reason: `cannot be read: ${(e as Error).message}`,
      });
    }
  }
  return { name, group, definition, raw, code, version: contentVersion(text, code), problems };
}

function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** Writes an element's files (each to a temp file, then renamed, so readers never see half a file). */
export function writeElementFiles(
  dir: string,
  name: string,
  definition: unknown,
  code: string | null | undefined,
): void {
  const { group, short } = parseFullName(name)!;
  const elementDir = join(dir, group, short);
  mkdirSync(elementDir, { recursive: true });
  writeAtomic(join(elementDir, 'e.json'), JSON.stringify(definition, null, 2) + '\n');
  const type = (definition as { type?: string }).type;
  const codeFile = type ? CODE_FILE[type] : undefined;
  if (codeFile && typeof code === 'string') writeAtomic(join(elementDir, codeFile), code);
}

export function removeElementFiles(dir: string, name: string): void {
  const { group, short } = parseFullName(name)!;
  rmSync(join(dir, group, short), { recursive: true, force: true });
}

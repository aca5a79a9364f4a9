import { parse } from '@babel/parser';
import type * as t from '@babel/types';

/** Re-indented text, and where each old offset went. */
export interface Reindented {
  text: string;
  map: (offset: number) => number;
}

/**
 * Moves statement text from indentation `from` to `to`: every line after the first swaps its leading
 * `from` for `to`. Lines that start inside a string or template literal are left alone, since their
 * spaces are part of the value.
 */
export function reindent(text: string, from: string, to: string): Reindented {
  if (from === to || !text.includes('\n')) return { text, map: (offset) => offset };
  const verbatim = verbatimRanges(text);
  const oldStarts: number[] = [0];
  const newStarts: number[] = [0];
  const parts: string[] = [];
  let at = 0;
  let length = 0;
  for (
    let newline = text.indexOf('\n');
    newline !== -1;
    newline = text.indexOf('\n', newline + 1)
  ) {
    const lineStart = newline + 1;
    parts.push(text.slice(at, lineStart));
    length += lineStart - at;
    at = lineStart;
    let content = lineStart;
    while (content < text.length && (text[content] === ' ' || text[content] === '\t')) content++;
    const blank = content >= text.length || text[content] === '\n' || text[content] === '\r';
    if (blank || isInside(verbatim, lineStart)) continue;
    const leading = text.slice(lineStart, content);
    const rest = leading.startsWith(from) ? leading.slice(from.length) : '';
    const replaced = to + rest;
    parts.push(replaced);
    length += replaced.length;
    at = content;
    oldStarts.push(content);
    newStarts.push(length);
  }
  parts.push(text.slice(at));
  return {
    text: parts.join(''),
    map: (offset) => {
      let line = 0;
      while (line + 1 < oldStarts.length && (oldStarts[line + 1] ?? 0) <= offset) line++;
      return (newStarts[line] ?? 0) + offset - (oldStarts[line] ?? 0);
    },
  };
}

/** Indents every line after the first by `indent` (generated text, first line placed by the caller). */
export function indentFollowingLines(text: string, indent: string): string {
  return indent === '' ? text : reindent(text, '', indent).text;
}

function isInside(ranges: [number, number][], offset: number): boolean {
  return ranges.some(([start, end]) => start < offset && offset < end);
}

/** Ranges of string and template literals that span lines; everything when the text does not parse. */
function verbatimRanges(text: string): [number, number][] {
  if (!text.includes('`') && !text.includes('\\')) return [];
  let ast: t.File;
  try {
    ast = parse(text, {
      sourceType: 'module',
      plugins: ['typescript'],
      errorRecovery: true,
      allowReturnOutsideFunction: true,
      allowAwaitOutsideFunction: true,
      allowNewTargetOutsideFunction: true,
      allowSuperOutsideMethod: true,
      allowUndeclaredExports: true,
    });
  } catch {
    return [[-1, text.length + 1]];
  }
  const ranges: [number, number][] = [];
  walk(ast.program, (node) => {
    if (node.type !== 'TemplateLiteral' && node.type !== 'StringLiteral') return;
    const start = node.start ?? 0;
    const end = node.end ?? 0;
    if (text.slice(start, end).includes('\n')) ranges.push([start, end]);
  });
  return ranges;
}

/** Calls `visit` on `node` and every node under it. */
export function walk(node: t.Node, visit: (node: t.Node) => void): void {
  visit(node);
  for (const child of childNodes(node)) walk(child, visit);
}

/** The nodes directly under `node`, in source order of their keys. */
export function childNodes(node: t.Node): t.Node[] {
  const children: t.Node[] = [];
  for (const key of Object.keys(node)) {
    if (
      key === 'loc' ||
      key === 'leadingComments' ||
      key === 'trailingComments' ||
      key === 'extra'
    ) {
      continue;
    }
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) children.push(item);
    } else if (isNode(value)) {
      children.push(value);
    }
  }
  return children;
}

function isNode(value: unknown): value is t.Node {
  return typeof value === 'object' && value !== null && typeof (value as t.Node).type === 'string';
}

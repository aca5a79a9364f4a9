/**
 * Small readers and writers of expression text for the parameter inputs: which input a value is
 * shown in (text, number, yes/no or an expression) and how a condition splits into comparisons.
 * They only decide how a value is shown; what is written is always checked by @whenthen/blocks.
 */

export type ValueMode = 'text' | 'number' | 'boolean' | 'expression';

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** How a parameter's source text is best edited. */
export function valueModeOf(text: string): ValueMode {
  const trimmed = text.trim();
  if (trimmed === '') return 'text';
  if (stringContent(trimmed) !== null) return 'text';
  if (NUMBER.test(trimmed)) return 'number';
  if (trimmed === 'true' || trimmed === 'false') return 'boolean';
  return 'expression';
}

/**
 * The words of a string literal or template string as the text input shows them (`${…}` parts
 * kept as they are); null when the text is not one.
 */
export function stringContent(text: string): string | null {
  const trimmed = text.trim();
  const quote = trimmed[0];
  if (trimmed.length < 2 || trimmed[trimmed.length - 1] !== quote) return null;
  const inner = trimmed.slice(1, -1);
  if (quote === '`') {
    if (hasUnescaped(inner, '`')) return null;
    return inner.replace(/\\`/g, '`');
  }
  if (quote !== "'" && quote !== '"') return null;
  if (hasUnescaped(inner, quote)) return null;
  try {
    return JSON.parse(`"${inner.replace(/\\'/g, "'").replace(/(^|[^\\])"/g, '$1\\"')}"`) as string;
  } catch {
    return null;
  }
}

function hasUnescaped(text: string, quote: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return true;
  }
  return false;
}

/**
 * Source text for words typed in a text input: a quoted string, or a template string when it holds
 * `${…}` (its words are then kept as written, as template strings show them).
 */
export function textSource(words: string): string {
  if (/\$\{[^}]*\}/.test(words)) return '`' + words.replace(/(^|[^\\])`/g, '$1\\`') + '`';
  return `'${words.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

export const COMPARISONS = ['===', '!==', '>', '>=', '<', '<=', 'truthy', 'falsy'] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** One part of a condition: `left op right`, or `left` (truthy) / `!left` (falsy). */
export type ComparisonRow = { left: string; op: Comparison; right: string };
export type ConditionParts = { join: '&&' | '||'; rows: ComparisonRow[] };

const BINARY = ['===', '!==', '>=', '<=', '==', '!=', '>', '<'] as const;

/**
 * Splits a condition such as `event.next.sales > 1000 && event.next.region === 'West'` into
 * comparisons joined by one operator; null when it has another shape (then it is edited as an
 * expression).
 */
export function splitCondition(text: string): ConditionParts | null {
  const trimmed = text.trim();
  if (trimmed === '') return { join: '&&', rows: [{ left: '', op: '>', right: '' }] };
  const ands = splitTopLevel(trimmed, ['&&']);
  const ors = splitTopLevel(trimmed, ['||']);
  if (!ands || !ors) return null;
  if (ands.length > 1 && ors.length > 1) return null;
  const join = ors.length > 1 ? '||' : '&&';
  const parts = join === '||' ? ors : ands;
  const rows: ComparisonRow[] = [];
  for (const part of parts) {
    const row = splitComparison(part.text);
    if (!row) return null;
    rows.push(row);
  }
  return { join, rows };
}

function splitComparison(text: string): ComparisonRow | null {
  const pieces = splitTopLevel(text, BINARY);
  if (!pieces) return null;
  if (pieces.length === 1) {
    if (/^!\s*[A-Za-z_$][\w$.?]*$/.test(text) && !text.startsWith('!=')) {
      return { left: text.slice(1).trim(), op: 'falsy', right: '' };
    }
    if (!isSimpleOperand(text)) return null;
    return { left: text, op: 'truthy', right: '' };
  }
  if (pieces.length !== 2) return null;
  const [left, right] = pieces as [Piece, Piece];
  const op = right.before;
  const normal = op === '==' ? '===' : op === '!=' ? '!==' : op;
  if (!isSimpleOperand(left.text) || !isSimpleOperand(right.text)) return null;
  return { left: left.text, op: normal as Comparison, right: right.text };
}

/** An operand the pickers can show: no top-level operators of its own. */
function isSimpleOperand(text: string): boolean {
  if (text === '') return false;
  const others = splitTopLevel(text, ['&&', '||', '??', '?', '+', '-', '*', '/', '%', '=>', '=']);
  return others !== null && others.length === 1 && !text.startsWith('!');
}

type Piece = { text: string; before: string };

/**
 * Splits `text` at the given operators where they stand outside brackets and strings; null when
 * brackets do not balance. Longer operators are matched first.
 */
function splitTopLevel(text: string, operators: readonly string[]): Piece[] | null {
  const sorted = [...operators].sort((a, b) => b.length - a.length);
  const pieces: Piece[] = [];
  let depth = 0;
  let start = 0;
  let before = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === "'" || char === '"' || char === '`') {
      const end = skipString(text, i);
      if (end === -1) return null;
      i = end;
      continue;
    }
    if (char === '(' || char === '[' || char === '{') depth++;
    else if (char === ')' || char === ']' || char === '}') {
      depth--;
      if (depth < 0) return null;
    } else if (depth === 0) {
      const op = sorted.find((candidate) => text.startsWith(candidate, i));
      if (op && !partOfLongerOperator(text, i, op)) {
        pieces.push({ text: text.slice(start, i).trim(), before });
        before = op;
        i += op.length - 1;
        start = i + 1;
      }
    }
  }
  if (depth !== 0) return null;
  pieces.push({ text: text.slice(start).trim(), before });
  return pieces;
}

/** `>` inside `>=`, `>>` or `=>`, `=` inside `===`, `?` of `?.`: not the operator asked for. */
function partOfLongerOperator(text: string, at: number, op: string): boolean {
  const next = text[at + op.length] ?? '';
  const previous = text[at - 1] ?? '';
  if (op === '?' && (next === '.' || next === '?')) return true;
  if (op === '?' && previous === '?') return true;
  if (
    (op === '>' || op === '<') &&
    (next === '>' || next === '<' || previous === '=' || previous === '>' || previous === '<')
  )
    return true;
  if (
    (op === '=' || op === '==' || op === '===') &&
    (previous === '=' ||
      previous === '!' ||
      previous === '<' ||
      previous === '>' ||
      next === '=' ||
      next === '>')
  )
    return true;
  if ((op === '-' || op === '+') && (next === op || previous === op)) return true;
  if (op === '*' && (next === '*' || previous === '*')) return true;
  return false;
}

function skipString(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i;
  }
  return -1;
}

/** Condition text from its parts; rows missing a left side are left out. */
export function joinCondition(parts: ConditionParts): string {
  return parts.rows
    .filter((row) => row.left.trim() !== '')
    .map((row) => {
      const left = row.left.trim();
      if (row.op === 'truthy') return left;
      if (row.op === 'falsy') return `!${/^[\w$.?]+$/.test(left) ? left : `(${left})`}`;
      return `${left} ${row.op} ${row.right.trim() || "''"}`;
    })
    .join(` ${parts.join} `);
}

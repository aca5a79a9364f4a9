import type * as t from '@babel/types';
import { commentBlock, layoutComments, type BabelComment } from './comments.js';
import { locateHandler } from './handler.js';
import { carryIds, numberBlocks } from './ids.js';
import { diffSplice } from './splices.js';
import type { ParamContext } from './params.js';
import { detectEol, skipTrivia, SourceText } from './source-text.js';
import { classifyStatement, type SlotBuilder } from './statements.js';
import type { Block, BlockDocument, BlockSlot, Param, Range, SlotRole } from './types.js';

export interface ParseOptions {
  /**
   * The document before the code changed (e.g. typing in the code view): blocks whose text the
   * change did not touch keep their ids.
   */
  previous?: BlockDocument;
}

/**
 * Reads a handler (`export default async function (event, app) { … }`) as a tree of blocks, one
 * per statement of its body. Never throws: code that does not parse, or is not a handler, gives a
 * document with `error` set and the text kept.
 */
export function parseBlocks(code: string, options: ParseOptions = {}): BlockDocument {
  const document = buildDocument(code);
  const { previous } = options;
  if (!previous) return document;
  if (document.error) return { ...document, nextId: Math.max(document.nextId, previous.nextId) };
  return carryIds(previous, document, [diffSplice(previous.code, code)]);
}

/** Parses with ids numbered from 1 in document order. */
export function buildDocument(code: string): BlockDocument {
  const style = { eol: detectEol(code), indentUnit: '  ' };
  const located = locateHandler(code);
  if ('error' in located) {
    return { code, error: located.error, handler: null, blocks: [], style, nextId: 1 };
  }
  const { ast, fn, info } = located;
  const text = new SourceText(code);
  const builder = new DocumentBuilder(text, ast.comments ?? [], {
    code,
    eventName: info.eventName,
    appName: info.appName,
  });
  // Directives (`'use strict'`) are kept apart by the parser; they are statements of the body too.
  const statements = [...(fn.body.directives as unknown as t.Statement[]), ...fn.body.body];
  const blocks = builder.statementList(statements, info.bodyRange);
  style.indentUnit = detectIndentUnit(text, info.range[0], blocks);
  const nextId = numberBlocks(blocks, 1);
  return { code, error: null, handler: info, blocks, style, nextId };
}

class DocumentBuilder implements SlotBuilder {
  constructor(
    private readonly text: SourceText,
    private readonly comments: BabelComment[],
    readonly context: ParamContext,
  ) {}

  statementList(statements: t.Statement[], range: Range): Block[] {
    const spans = statements.map((node) => ({ start: node.start ?? 0, end: node.end ?? 0 }));
    const layout = layoutComments(this.text, this.comments, spans, range);
    const blocks: Block[] = [];
    let standalone = 0;
    const addStandaloneBefore = (index: number) => {
      for (let group = layout.standalone[standalone]; group && group.before <= index;) {
        blocks.push(commentBlock(this.text, group.comments));
        group = layout.standalone[++standalone];
      }
    };
    statements.forEach((node, index) => {
      addStandaloneBefore(index);
      const block = classifyStatement(this, node);
      const leading = layout.leading[index] ?? [];
      const trailing = layout.trailing[index] ?? [];
      block.leadingComments = leading;
      block.trailingComments = trailing;
      block.fullRange = [
        leading[0]?.range[0] ?? block.range[0],
        trailing[trailing.length - 1]?.range[1] ?? block.range[1],
      ];
      blocks.push(block);
    });
    addStandaloneBefore(statements.length);
    return blocks;
  }

  bodySlot(role: SlotRole, params: Param[], body: t.Statement, line: number): BlockSlot {
    if (body.type === 'BlockStatement') {
      const range: Range = [(body.start ?? 0) + 1, (body.end ?? 0) - 1];
      return {
        role,
        params,
        blocks: this.statementList(body.body, range),
        range,
        braced: true,
        line,
      };
    }
    const range: Range = [body.start ?? 0, body.end ?? 0];
    return { role, params, blocks: [classifyStatement(this, body)], range, braced: false, line };
  }

  caseSlot(role: SlotRole, params: Param[], clause: t.SwitchCase, end: number): BlockSlot {
    const line = clause.loc?.start.line ?? 1;
    const [only, ...others] = clause.consequent;
    if (only?.type === 'BlockStatement' && others.length === 0) {
      return this.bodySlot(role, params, only, line);
    }
    // The `:` after the label, past any comment between them.
    const { code } = this.text;
    let colon = skipTrivia(code, clause.test?.end ?? (clause.start ?? 0) + 'default'.length);
    // A parenthesized test (`case (a, b):`) ends inside its parentheses.
    while (code[colon] === ')') colon = skipTrivia(code, colon + 1);
    const range: Range = [colon + 1, end];
    return {
      role,
      params,
      blocks: this.statementList(clause.consequent, range),
      range,
      braced: false,
      line,
    };
  }
}

/** One level of indentation as the code uses it (two spaces when nothing tells). */
function detectIndentUnit(text: SourceText, handlerStart: number, blocks: Block[]): string {
  const outer = text.indentAt(handlerStart);
  for (const block of blocks) {
    if (!text.startsLine(block.fullRange[0])) continue;
    const inner = text.indentAt(block.fullRange[0]);
    if (inner.length > outer.length && inner.startsWith(outer)) return inner.slice(outer.length);
  }
  for (const block of blocks) {
    for (const slot of block.slots) {
      if (!slot.braced) continue;
      const child = slot.blocks[0];
      if (!child || !text.startsLine(child.fullRange[0])) continue;
      const inner = text.indentAt(child.fullRange[0]);
      const container = text.indentAt(block.range[0]);
      if (inner.length > container.length && inner.startsWith(container)) {
        return inner.slice(container.length);
      }
    }
  }
  return '  ';
}

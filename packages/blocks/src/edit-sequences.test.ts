/// <reference types="node" />
import { describe, expect, test } from 'vitest';
import { applyEdit } from './apply-edit.js';
import type { BlockSpec } from './block-spec.js';
import type { BlockEdit, InsertPosition } from './edit-types.js';
import { BlockEditError } from './errors.js';
import { forEachBlock } from './ids.js';
import { parseBlocks } from './parse.js';
import { printBlocks } from './print.js';
import { goldenHandlers } from './test-support/golden-files.js';
import { Random } from './test-support/random.js';
import { DATA_OPS, ROOT_ID, type Block, type BlockDocument, type Param } from './types.js';

// Random sequences of block edits on the golden handlers: the code keeps parsing, and every block
// the edit did not touch keeps its id and its exact text (leading and trailing comments included).
// BLOCKS_SEED=<n> replays another seed.

const SEQUENCES = 300;
const EDITS_PER_SEQUENCE = 6;

const EXPRESSIONS = [
  "'text'",
  '42',
  'event.next.sales',
  'event.prev?.customer',
  '`Order ${event.next.id}`',
  'a + b * 2',
  'x, y',
  '{ sales: 1, note: "n" }',
  '[1, 2, 3]',
  'await app.services.Billing.total(event.next.id)',
  'null',
  'helper(1, 2)',
  '`first line\n    second line`',
];

const RAW_STATEMENTS = [
  "console.log('raw');",
  'helper(event);\nhelper(app);',
  'label: for (const x of []) {\n  break label;\n}',
];

interface Snapshot {
  id: string;
  kind: Block['kind'];
  text: string;
}

function allBlocks(doc: BlockDocument): Block[] {
  const blocks: Block[] = [];
  forEachBlock(doc.blocks, (block) => blocks.push(block));
  return blocks;
}

/** Ids of a block and everything inside it. */
function subtree(block: Block): string[] {
  const ids: string[] = [];
  forEachBlock([block], (inner) => ids.push(inner.id));
  return ids;
}

/** Ids of the blocks holding `id`, innermost last. */
function ancestors(doc: BlockDocument, id: string): string[] {
  const path: string[] = [];
  const search = (blocks: Block[]): boolean =>
    blocks.some((block) => {
      if (block.id === id) return true;
      path.push(block.id);
      if (block.slots.some((slot) => search(slot.blocks))) return true;
      path.pop();
      return false;
    });
  search(doc.blocks);
  return path;
}

function flattenParams(params: Param[], prefix = ''): { path: string; param: Param }[] {
  return params.flatMap((param) => [
    { path: prefix + param.name, param },
    ...flattenParams(param.fields ?? [], `${prefix}${param.name}.`),
  ]);
}

const withoutIndent = (text: string) => text.replace(/^[ \t]+/gm, '');

class EditGenerator {
  private counter = 0;

  constructor(private readonly random: Random) {}

  private name(): string {
    return `v${++this.counter}`;
  }

  private expression(): string {
    return this.random.pick(EXPRESSIONS);
  }

  spec(depth = 0): BlockSpec {
    const random = this.random;
    const body = () => (depth < 2 && random.chance(0.5) ? [this.spec(depth + 1)] : []);
    switch (random.int(12)) {
      case 0:
        return {
          kind: 'notify',
          params: { to: "'ann'", title: this.expression(), body: this.expression() },
        };
      case 1:
        return {
          kind: 'serviceCall',
          service: 'Billing',
          fn: 'charge',
          args: [{ orderId: 'event.next.id', reason: this.expression() }],
          assignTo: { target: this.name() },
        };
      case 2:
        return {
          kind: 'data',
          model: 'Order',
          op: random.pick(DATA_OPS),
          args: [
            {
              customer: 'event.next.customer',
              note: "'a fairly long note to push the line past the width'",
            },
          ],
        };
      case 3:
        return {
          kind: 'if',
          test: this.expression(),
          then: body(),
          ...(random.chance(0.5) ? { elseIfs: [{ test: 'b', body: body() }] } : {}),
          ...(random.chance(0.5) ? { else: body() } : {}),
        };
      case 4:
        return { kind: 'forEach', item: this.name(), items: 'event.next.items', body: body() };
      case 5:
        return {
          kind: 'loop',
          loop: random.pick(['while', 'doWhile', 'for'] as const),
          test: 'i < 3',
          body: body(),
        };
      case 6:
        return {
          kind: 'setVariable',
          declare: 'let',
          target: this.name(),
          value: this.expression(),
        };
      case 7:
        return { kind: 'return', ...(random.chance(0.5) ? { value: this.expression() } : {}) };
      case 8:
        return { kind: 'abort', message: "'refused'" };
      case 9:
        return { kind: 'comment', text: random.chance(0.5) ? 'a note' : 'two\nlines' };
      case 10:
        return { kind: 'raw', text: random.pick(RAW_STATEMENTS) };
      default:
        return random.chance(0.5)
          ? { kind: 'try', try: body(), catch: { error: 'error', body: body() } }
          : { kind: 'publish', sender: "'services.Billing.paid'", args: { id: 'event.next.id' } };
    }
  }

  position(doc: BlockDocument): InsertPosition {
    const random = this.random;
    const blocks = allBlocks(doc);
    const containers = blocks.filter((block) => block.slots.length > 0);
    const choice = random.int(4);
    if (blocks.length === 0 || choice === 0) {
      return { inside: ROOT_ID, index: random.int(doc.blocks.length + 1) };
    }
    if (choice === 1 && containers.length > 0) {
      const container = random.pick(containers);
      const slot = random.int(container.slots.length);
      return {
        inside: container.id,
        slot,
        index: random.int((container.slots[slot]?.blocks.length ?? 0) + 1),
      };
    }
    const anchor = random.pick(blocks).id;
    return choice === 2 ? { before: anchor } : { after: anchor };
  }

  edit(doc: BlockDocument): BlockEdit {
    const random = this.random;
    const blocks = allBlocks(doc);
    if (blocks.length === 0)
      return { type: 'insertBlock', at: this.position(doc), spec: this.spec() };
    const block = random.pick(blocks);
    switch (random.int(7)) {
      case 0:
      case 1: {
        if (block.kind === 'comment')
          return { type: 'setParam', blockId: block.id, param: 'text', text: 'changed' };
        const params = flattenParams(block.params);
        if (params.length === 0) return { type: 'deleteBlock', blockId: block.id };
        const { path, param } = random.pick(params);
        if (random.chance(0.15))
          return { type: 'setParam', blockId: block.id, param: path, text: null };
        const text =
          param.form === 'name'
            ? param.name === 'op'
              ? random.pick(DATA_OPS)
              : this.name()
            : ['target', 'assignTo', 'item'].includes(param.name)
              ? this.name()
              : this.expression();
        return { type: 'setParam', blockId: block.id, param: path, text };
      }
      case 2:
        return { type: 'insertBlock', at: this.position(doc), spec: this.spec() };
      case 3:
        return { type: 'deleteBlock', blockId: block.id };
      case 4:
        return { type: 'moveBlock', blockId: block.id, to: this.position(doc) };
      case 5: {
        const slots = block.slots.filter((slot) => slot.blocks.length > 0);
        const siblings =
          slots.length > 0 && random.chance(0.7) ? random.pick(slots).blocks : doc.blocks;
        if (siblings.length === 0) return { type: 'deleteBlock', blockId: block.id };
        const first = random.int(siblings.length);
        const last = first + random.int(Math.min(3, siblings.length - first));
        const ids = siblings.slice(first, last + 1).map((sibling) => sibling.id);
        return { type: 'wrapInIf', blockIds: ids, test: this.expression() };
      }
      default:
        return { type: 'replaceRaw', blockId: block.id, text: random.pick(RAW_STATEMENTS) };
    }
  }
}

/** Which blocks an edit may rewrite (`touched`), and which may change only by holding those (`holders`). */
function reach(
  doc: BlockDocument,
  edit: BlockEdit,
): { touched: Set<string>; moved: Set<string>; holders: Set<string> } {
  const touched = new Set<string>();
  const moved = new Set<string>();
  const holders = new Set<string>();
  const byId = new Map(allBlocks(doc).map((block) => [block.id, block]));
  const hold = (id: string) => {
    holders.add(id);
    for (const outer of ancestors(doc, id)) holders.add(outer);
  };
  const positionHolder = (position: InsertPosition) => {
    if ('inside' in position) {
      if (position.inside !== ROOT_ID) hold(position.inside);
    } else {
      for (const outer of ancestors(doc, 'before' in position ? position.before : position.after))
        hold(outer);
    }
  };
  switch (edit.type) {
    case 'setParam':
    case 'deleteBlock':
    case 'replaceRaw': {
      const block = byId.get(edit.blockId);
      if (block) for (const id of subtree(block)) touched.add(id);
      for (const outer of ancestors(doc, edit.blockId)) hold(outer);
      break;
    }
    case 'insertBlock':
      positionHolder(edit.at);
      break;
    case 'moveBlock': {
      const block = byId.get(edit.blockId);
      if (block) for (const id of subtree(block)) moved.add(id);
      for (const outer of ancestors(doc, edit.blockId)) hold(outer);
      positionHolder(edit.to);
      break;
    }
    case 'wrapInIf': {
      const [first] = edit.blockIds;
      const siblings = first
        ? allBlocks(doc).filter(
            (block) => ancestors(doc, block.id).join() === ancestors(doc, first).join(),
          )
        : [];
      const indexes = edit.blockIds.map((id) => siblings.findIndex((block) => block.id === id));
      for (const sibling of siblings.slice(Math.min(...indexes), Math.max(...indexes) + 1)) {
        for (const id of subtree(sibling)) moved.add(id);
      }
      if (first) for (const outer of ancestors(doc, first)) hold(outer);
      break;
    }
  }
  return { touched, moved, holders };
}

describe('random edit sequences on the golden handlers', () => {
  const handlers = goldenHandlers().filter(({ code }) => parseBlocks(code).error === null);

  test('keep the code parsing and leave untouched statements byte-identical', () => {
    const random = new Random(Number(process.env.BLOCKS_SEED ?? 20240611));
    const generator = new EditGenerator(random);
    let applied = 0;
    let refused = 0;
    for (let sequence = 0; sequence < SEQUENCES; sequence++) {
      const handler = random.pick(handlers);
      let doc = parseBlocks(handler.code);
      for (let step = 0; step < EDITS_PER_SEQUENCE; step++) {
        const edit = generator.edit(doc);
        const where = `sequence ${sequence} (${handler.name}) step ${step}: ${JSON.stringify(edit)}\n${doc.code}`;
        const before: Snapshot[] = allBlocks(doc).map((block) => ({
          id: block.id,
          kind: block.kind,
          text: doc.code.slice(...block.fullRange),
        }));
        const { touched, moved, holders } = reach(doc, edit);
        let result;
        try {
          result = applyEdit(doc.code, doc, edit);
        } catch (error) {
          expect(error, where).toBeInstanceOf(BlockEditError);
          refused++;
          continue;
        }
        applied++;
        const next = result.doc;
        expect(next.error, where).toBeNull();
        expect(printBlocks(next), where).toBe(result.code);
        const after = new Map(allBlocks(next).map((block) => [block.id, block]));
        for (const old of before) {
          if (touched.has(old.id)) continue;
          const now = after.get(old.id);
          expect(now, `${where}\nblock ${old.id} lost its id`).toBeDefined();
          if (!now) continue;
          expect(now.kind, where).toBe(old.kind);
          const text = result.code.slice(...now.fullRange);
          if (moved.has(old.id)) expect(withoutIndent(text), where).toBe(withoutIndent(old.text));
          else if (!holders.has(old.id))
            expect(text, `${where}\nblock ${old.id} changed`).toBe(old.text);
        }
        const [bodyStart, bodyEnd] = doc.handler?.bodyRange ?? [0, 0];
        const [nextStart, nextEnd] = next.handler?.bodyRange ?? [0, 0];
        expect(result.code.slice(0, nextStart), where).toBe(doc.code.slice(0, bodyStart));
        expect(result.code.slice(nextEnd), where).toBe(doc.code.slice(bodyEnd));
        doc = next;
      }
    }
    // Most random edits are valid; the refused ones are moves or texts that cannot fit their place.
    expect(applied).toBeGreaterThan(refused * 2);
  });
});

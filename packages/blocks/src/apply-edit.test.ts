import { describe, expect, test } from 'vitest';
import {
  applyEdit,
  deleteBlock,
  insertBlock,
  moveBlock,
  replaceRaw,
  setParam,
  wrapInIf,
} from './apply-edit.js';
import type { BlockSpec } from './block-spec.js';
import { blockToSpec } from './block-to-spec.js';
import type { BlockEdit } from './edit-types.js';
import { BlockEditError } from './errors.js';
import { forEachBlock } from './ids.js';
import { parseBlocks } from './parse.js';
import { ROOT_ID, type Block, type BlockDocument } from './types.js';

/** A handler from body lines (two-space indented). */
function handler(...lines: string[]): string {
  return ['export default async function (event, app) {', ...lines, '}', ''].join('\n');
}

/** The id of the first block (document order) whose source starts with `start`. */
function idOf(doc: BlockDocument, start: string): string {
  let found: Block | undefined;
  forEachBlock(doc.blocks, (block) => {
    if (!found && doc.code.slice(block.range[0]).startsWith(start)) found = block;
  });
  if (!found) throw new Error(`no block starting with ${start}`);
  return found.id;
}

function edit(code: string, change: (doc: BlockDocument) => BlockEdit) {
  const doc = parseBlocks(code);
  return applyEdit(code, doc, change(doc));
}

function refusal(code: string, change: (doc: BlockDocument) => BlockEdit): string {
  try {
    edit(code, change);
  } catch (error) {
    if (error instanceof BlockEditError) return error.code;
    throw error;
  }
  return 'applied';
}

describe('setParam', () => {
  const code = handler(
    '  // tell Ann',
    "  await app.notify({ to: 'ann', title: 'Big', body: 'x' }); // why",
    '  const total = 1;',
  );

  test('rewrites only the parameter text', () => {
    const doc = parseBlocks(code);
    const next = setParam(doc, {
      blockId: idOf(doc, 'await'),
      param: 'title',
      text: '`Order ${event.next.id}`',
    });
    expect(next).toBe(code.replace("'Big'", '`Order ${event.next.id}`'));
  });

  test('adds a missing field to a one-line object and to a multi-line object', () => {
    const oneLine = edit(handler("  await app.notify({ to: 'ann' });"), (doc) => ({
      type: 'setParam',
      blockId: idOf(doc, 'await'),
      param: 'title',
      text: "'Hi'",
    }));
    expect(oneLine.code).toBe(handler("  await app.notify({ to: 'ann', title: 'Hi' });"));
    const multiLine = handler('  await app.models.Order.create({', '    sales: 1,', '  });');
    const added = edit(multiLine, (doc) => ({
      type: 'setParam',
      blockId: idOf(doc, 'await'),
      param: 'values.note',
      text: "'n'",
    }));
    expect(added.code).toBe(
      handler('  await app.models.Order.create({', '    sales: 1,', "    note: 'n',", '  });'),
    );
  });

  test('removes a field with its comma and a last argument', () => {
    const code = handler('  await app.models.Order.query({ a: 1, b: 2 }, { limit: 5 });');
    const withoutField = edit(code, (doc) => ({
      type: 'setParam',
      blockId: idOf(doc, 'await'),
      param: 'where.a',
      text: null,
    }));
    expect(withoutField.code).toBe(
      handler('  await app.models.Order.query({ b: 2 }, { limit: 5 });'),
    );
    const withoutOptions = edit(code, (doc) => ({
      type: 'setParam',
      blockId: idOf(doc, 'await'),
      param: 'options',
      text: null,
    }));
    expect(withoutOptions.code).toBe(handler('  await app.models.Order.query({ a: 1, b: 2 });'));
  });

  test('writes a shorthand field out in full', () => {
    const result = edit(
      handler('  const total = 1;', '  await app.models.Order.create({ total });'),
      (doc) => ({
        type: 'setParam',
        blockId: idOf(doc, 'await'),
        param: 'values.total',
        text: 'total * 2',
      }),
    );
    expect(result.code).toBe(
      handler('  const total = 1;', '  await app.models.Order.create({ total: total * 2 });'),
    );
  });

  test('renames a model and refuses an op that is not a data operation', () => {
    const code = handler('  await app.models.Order.get(1);');
    const renamed = edit(code, (doc) => ({
      type: 'setParam',
      blockId: idOf(doc, 'await'),
      param: 'model',
      text: 'Invoice',
    }));
    expect(renamed.code).toBe(handler('  await app.models.Invoice.get(1);'));
    expect(
      refusal(code, (doc) => ({
        type: 'setParam',
        blockId: idOf(doc, 'await'),
        param: 'op',
        text: 'find',
      })),
    ).toBe('INVALID_TEXT');
  });

  test('sets the test of an else-if through its slot', () => {
    const code = handler('  if (a) {', '  } else if (b) {', '  }');
    const result = edit(code, (doc) => ({
      type: 'setParam',
      blockId: idOf(doc, 'if'),
      slot: 1,
      param: 'test',
      text: 'c > 1',
    }));
    expect(result.code).toBe(handler('  if (a) {', '  } else if (c > 1) {', '  }'));
  });

  test('adds and removes a return value', () => {
    const added = edit(handler('  return;'), (doc) => ({
      type: 'setParam',
      blockId: idOf(doc, 'return'),
      param: 'value',
      text: '1',
    }));
    expect(added.code).toBe(handler('  return 1;'));
    const removed = edit(added.code, (doc) => ({
      type: 'setParam',
      blockId: idOf(doc, 'return'),
      param: 'value',
      text: null,
    }));
    expect(removed.code).toBe(handler('  return;'));
  });

  test('keeps a comma list one expression', () => {
    const result = edit(handler('  const a = 1;'), (doc) => ({
      type: 'setParam',
      blockId: idOf(doc, 'const'),
      param: 'value',
      text: 'b, c',
    }));
    expect(result.code).toBe(handler('  const a = (b, c);'));
  });

  test('refuses text that is not one expression and leaves the code alone', () => {
    expect(
      refusal(code, (doc) => ({
        type: 'setParam',
        blockId: idOf(doc, 'await'),
        param: 'title',
        text: "'a') + ('b",
      })),
    ).toBe('INVALID_TEXT');
    expect(
      refusal(code, (doc) => ({
        type: 'setParam',
        blockId: idOf(doc, 'await'),
        param: 'nope.deeper',
        text: '1',
      })),
    ).toBe('UNKNOWN_PARAM');
  });

  test('rewrites a comment block from its words', () => {
    const result = edit(handler('  // old words', '', '  app.log(1);'), (doc) => ({
      type: 'setParam',
      blockId: idOf(doc, '//'),
      param: 'text',
      text: 'new words\nover two lines',
    }));
    expect(result.code).toBe(handler('  // new words', '  // over two lines', '', '  app.log(1);'));
  });
});

describe('insertBlock', () => {
  test('after a block, in its indentation, keeping its trailing comment', () => {
    const code = handler('  app.log(1); // one', '  app.log(3);');
    const doc = parseBlocks(code);
    const next = insertBlock(doc, {
      at: { after: idOf(doc, 'app.log(1)') },
      spec: { kind: 'log', args: ['2'] },
    });
    expect(next).toBe(handler('  app.log(1); // one', '  app.log(2);', '  app.log(3);'));
  });

  test('a copied call keeps its arguments as they were, none included', () => {
    const code = handler('  await app.notify();', "  await app.notify({ to: 'ann', title: 'T' });");
    const doc = parseBlocks(code);
    const [bare, full] = doc.blocks.map((b) => blockToSpec(doc, b.id));
    const next = insertBlock(doc, { at: { after: doc.blocks[1]!.id }, spec: bare! });
    expect(insertBlock(parseBlocks(next), { at: { after: doc.blocks[1]!.id }, spec: full! })).toBe(
      handler(
        '  await app.notify();',
        "  await app.notify({ to: 'ann', title: 'T' });",
        "  await app.notify({ to: 'ann', title: 'T' });",
        '  await app.notify();',
      ),
    );
  });

  test('before a block goes above its leading comment', () => {
    const code = handler('  // about three', '  app.log(3);');
    const doc = parseBlocks(code);
    const next = insertBlock(doc, {
      at: { before: idOf(doc, 'app.log(3)') },
      spec: { kind: 'return' },
    });
    expect(next).toBe(handler('  return;', '  // about three', '  app.log(3);'));
  });

  test('into an empty body and an empty branch', () => {
    const empty = 'export default async function (event, app) {}\n';
    const doc = parseBlocks(empty);
    expect(
      insertBlock(doc, {
        at: { inside: ROOT_ID },
        spec: { kind: 'setVariable', target: 'a', value: '1' },
      }),
    ).toBe('export default async function (event, app) {\n  const a = 1;\n}\n');
    const branch = handler('  if (a) {', '  } else {}');
    const branchDoc = parseBlocks(branch);
    expect(
      insertBlock(branchDoc, {
        at: { inside: idOf(branchDoc, 'if'), slot: 1 },
        spec: { kind: 'abort', message: "'no'" },
      }),
    ).toBe(handler('  if (a) {', '  } else {', "    throw new Error('no');", '  }'));
  });

  test('into an unbraced body adds braces and keeps the else beside them', () => {
    const code = handler("  if (a) app.log('a');", "  else app.log('b');");
    const doc = parseBlocks(code);
    const next = insertBlock(doc, {
      at: { inside: idOf(doc, 'if'), slot: 0, index: 0 },
      spec: { kind: 'return' },
    });
    expect(next).toBe(
      handler('  if (a) {', '    return;', "    app.log('a');", "  } else app.log('b');"),
    );
  });

  test('generates nested blocks and breaks long objects over lines', () => {
    const doc = parseBlocks(handler());
    const next = insertBlock(doc, {
      at: { inside: ROOT_ID },
      spec: {
        kind: 'if',
        test: 'event.next.sales > 1000',
        then: [
          {
            kind: 'notify',
            params: {
              to: "'ann'",
              title: "'Big order'",
              body: '`Order ${event.next.id} from ${event.next.customer} is big`',
            },
          },
        ],
        else: [
          {
            kind: 'data',
            model: 'Order',
            op: 'update',
            args: ['event.next.id', { checked: 'true' }],
            assignTo: { target: 'row' },
          },
        ],
      },
    });
    expect(next).toBe(
      handler(
        '  if (event.next.sales > 1000) {',
        '    await app.notify({',
        "      to: 'ann',",
        "      title: 'Big order',",
        '      body: `Order ${event.next.id} from ${event.next.customer} is big`,',
        '    });',
        '  } else {',
        '    const row = await app.models.Order.update(event.next.id, { checked: true });',
        '  }',
      ),
    );
  });

  test('uses the code’s line endings and indentation', () => {
    const code =
      'export default async function (event, app) {\r\n\tif (a) {\r\n\t\tapp.log(1);\r\n\t}\r\n}\r\n';
    const doc = parseBlocks(code);
    const next = insertBlock(doc, {
      at: { after: idOf(doc, 'app.log') },
      spec: { kind: 'log', args: ['2'] },
    });
    expect(next).toBe(
      'export default async function (event, app) {\r\n\tif (a) {\r\n\t\tapp.log(1);\r\n\t\tapp.log(2);\r\n\t}\r\n}\r\n',
    );
  });

  test('into an empty case, after its colon', () => {
    const code = handler('  switch (x) {', '    case 1:', '    default:', '      return;', '  }');
    const result = edit(code, (doc) => ({
      type: 'insertBlock',
      at: { inside: idOf(doc, 'switch'), slot: 0 },
      spec: { kind: 'log', args: ["'one'"] },
    }));
    expect(result.code).toBe(
      handler(
        '  switch (x) {',
        '    case 1:',
        "      app.log('one');",
        '    default:',
        '      return;',
        '  }',
      ),
    );
  });

  test('into an empty case that shares its line with the next label or the closing brace', () => {
    const code = handler(
      '  switch (x) {',
      '    case 1: case 2:',
      '      app.log(2);',
      '    case 3: }',
    );
    const comment = edit(code, (doc) => ({
      type: 'insertBlock',
      at: { inside: idOf(doc, 'switch'), slot: 0 },
      spec: { kind: 'comment', text: 'one' },
    }));
    expect(comment.code).toBe(
      handler(
        '  switch (x) {',
        '    case 1:',
        '      // one',
        '    case 2:',
        '      app.log(2);',
        '    case 3: }',
      ),
    );
    expect(comment.doc.blocks[0]?.slots.map((slot) => slot.blocks.length)).toEqual([1, 1, 0]);
    const last = edit(code, (doc) => ({
      type: 'insertBlock',
      at: { inside: idOf(doc, 'switch'), slot: 2 },
      spec: { kind: 'raw', text: 'helper(); // why' },
    }));
    expect(last.code).toBe(
      handler(
        '  switch (x) {',
        '    case 1: case 2:',
        '      app.log(2);',
        '    case 3:',
        '      helper(); // why',
        '  }',
      ),
    );
  });

  test('after a statement with a trailing comment and code after it on the line', () => {
    const code = handler('  if (a) { app.log(1); /* one */ }');
    const result = edit(code, (doc) => ({
      type: 'insertBlock',
      at: { after: idOf(doc, 'app.log(1)') },
      spec: { kind: 'log', args: ['2'] },
    }));
    expect(result.code).toBe(handler('  if (a) { app.log(1); /* one */', '  app.log(2); }'));
    const [one, two] = result.doc.blocks[0]?.slots[0]?.blocks ?? [];
    expect(one?.trailingComments.map((comment) => comment.text)).toEqual(['/* one */']);
    expect(two?.leadingComments).toEqual([]);
  });

  test('a moved statement keeps its trailing comment when code follows it on the line', () => {
    const code = handler('  app.log(1); /* one */', '  app.log(2); app.log(3);');
    const result = edit(code, (doc) => ({
      type: 'moveBlock',
      blockId: idOf(doc, 'app.log(1)'),
      to: { before: idOf(doc, 'app.log(3)') },
    }));
    expect(result.code).toBe(handler('  app.log(2); app.log(1); /* one */', '  app.log(3);'));
    const moved = result.doc.blocks[1];
    expect(moved?.trailingComments.map((comment) => comment.text)).toEqual(['/* one */']);
  });

  test('never lets a line comment swallow the code after it', () => {
    const code = handler('  app.log(1); app.log(2);');
    const result = edit(code, (doc) => ({
      type: 'insertBlock',
      at: { before: idOf(doc, 'app.log(2)') },
      spec: { kind: 'raw', text: 'helper(); // why' },
    }));
    expect(result.code).toBe(handler('  app.log(1); helper(); // why', '  app.log(2);'));
  });

  test('a comment stays a block of its own', () => {
    const code = handler('  app.log(1);');
    const result = edit(code, (doc) => ({
      type: 'insertBlock',
      at: { before: idOf(doc, 'app') },
      spec: { kind: 'comment', text: 'note' },
    }));
    expect(result.code).toBe(handler('  // note', '', '  app.log(1);'));
    expect(result.doc.blocks.map((block) => block.kind)).toEqual(['comment', 'log']);
  });
});

describe('deleteBlock', () => {
  test('takes the statement with its comments and line, and one of the blank lines around it', () => {
    const code = handler(
      '  app.log(1);',
      '',
      '  // about two',
      '  app.log(2); // two',
      '',
      '  app.log(3);',
    );
    const doc = parseBlocks(code);
    expect(deleteBlock(doc, { blockId: idOf(doc, 'app.log(2)') })).toBe(
      handler('  app.log(1);', '', '  app.log(3);'),
    );
  });

  test('on a shared line takes only the statement', () => {
    const code = handler('  app.log(1); app.log(2);', '  if (a) { app.log(3); }');
    const doc = parseBlocks(code);
    expect(deleteBlock(doc, { blockId: idOf(doc, 'app.log(2)') })).toBe(
      handler('  app.log(1);', '  if (a) { app.log(3); }'),
    );
    expect(deleteBlock(doc, { blockId: idOf(doc, 'app.log(3)') })).toBe(
      handler('  app.log(1); app.log(2);', '  if (a) { }'),
    );
  });

  test('leaves an unbraced body as {}', () => {
    const doc = parseBlocks(handler('  if (a) return;', '  else app.log(1);'));
    expect(deleteBlock(doc, { blockId: idOf(doc, 'return') })).toBe(
      handler('  if (a) {}', '  else app.log(1);'),
    );
  });
});

describe('moveBlock', () => {
  test('moves the leading comment along and re-indents, but not inside a template string', () => {
    const code = handler(
      '  // the message',
      '  const text = `line one',
      '  line two`;',
      '  if (a) {',
      '    app.log(1);',
      '  }',
    );
    const result = edit(code, (doc) => ({
      type: 'moveBlock',
      blockId: idOf(doc, 'const text'),
      to: { after: idOf(doc, 'app.log(1)') },
    }));
    expect(result.code).toBe(
      handler(
        '  if (a) {',
        '    app.log(1);',
        '    // the message',
        '    const text = `line one',
        '  line two`;',
        '  }',
      ),
    );
  });

  test('keeps the ids of the moved block and its neighbours', () => {
    const code = handler(
      '  app.log(1);',
      '  for (const x of xs) {',
      '    app.log(x);',
      '  }',
      '  app.log(2);',
    );
    const doc = parseBlocks(code);
    const loop = idOf(doc, 'for');
    const inner = idOf(doc, 'app.log(x)');
    const result = applyEdit(code, doc, {
      type: 'moveBlock',
      blockId: loop,
      to: { inside: ROOT_ID, index: 0 },
    });
    expect(result.code).toBe(
      handler(
        '  for (const x of xs) {',
        '    app.log(x);',
        '  }',
        '  app.log(1);',
        '  app.log(2);',
      ),
    );
    expect(idOf(result.doc, 'for')).toBe(loop);
    expect(idOf(result.doc, 'app.log(x)')).toBe(inner);
    expect(idOf(result.doc, 'app.log(1)')).toBe(idOf(doc, 'app.log(1)'));
    expect(result.created).toEqual([]);
  });

  test('refuses to move a block inside itself', () => {
    const code = handler('  if (a) {', '    app.log(1);', '  }');
    expect(
      refusal(code, (doc) => ({
        type: 'moveBlock',
        blockId: idOf(doc, 'if'),
        to: { after: idOf(doc, 'app') },
      })),
    ).toBe('INVALID_TARGET');
  });

  test('to its own place changes nothing', () => {
    const code = handler('  app.log(1);', '  app.log(2);');
    const doc = parseBlocks(code);
    expect(
      moveBlock(doc, { blockId: idOf(doc, 'app.log(2)'), to: { after: idOf(doc, 'app.log(1)') } }),
    ).toBe(code);
  });
});

describe('wrapInIf', () => {
  test('wraps side-by-side blocks and the lines between them', () => {
    const code = handler('  app.log(1);', '', '  app.log(2);', '  app.log(3);');
    const doc = parseBlocks(code);
    const next = wrapInIf(doc, {
      blockIds: [idOf(doc, 'app.log(1)'), idOf(doc, 'app.log(2)')],
      test: 'event.next.ok',
    });
    expect(next).toBe(
      handler(
        '  if (event.next.ok) {',
        '    app.log(1);',
        '',
        '    app.log(2);',
        '  }',
        '  app.log(3);',
      ),
    );
  });

  test('keeps a comment block on its own line when code follows the last block', () => {
    const code = 'export default async function (event, app) {\n  // note\n\n  app.log(1); }\n';
    const doc = parseBlocks(code);
    const next = wrapInIf(doc, { blockIds: doc.blocks.map((block) => block.id), test: 'ok' });
    expect(next).toBe(
      'export default async function (event, app) {\n  if (ok) {\n    // note\n\n    app.log(1);\n  } }\n',
    );
  });

  test('refuses blocks from different lists', () => {
    const code = handler('  app.log(1);', '  if (a) {', '    app.log(2);', '  }');
    expect(
      refusal(code, (doc) => ({
        type: 'wrapInIf',
        blockIds: [idOf(doc, 'app.log(1)'), idOf(doc, 'app.log(2)')],
        test: 'b',
      })),
    ).toBe('NOT_SIBLINGS');
  });
});

describe('replaceRaw', () => {
  test('replaces the statement text and keeps its comments', () => {
    const code = handler('  // helper', '  helper(event);');
    const doc = parseBlocks(code);
    const next = replaceRaw(doc, { blockId: idOf(doc, 'helper'), text: "app.log('done');" });
    expect(next).toBe(handler('  // helper', "  app.log('done');"));
    expect(replaceRaw(doc, { blockId: idOf(doc, 'helper'), text: '  ' })).toBe(handler());
  });

  test('refuses text that breaks the code', () => {
    expect(
      refusal(handler('  helper(event);'), (doc) => ({
        type: 'replaceRaw',
        blockId: idOf(doc, 'helper'),
        text: 'if (',
      })),
    ).toBe('INVALID_TEXT');
  });
});

describe('inserted text stands on its own', () => {
  test('refuses text that would take the statements after it along', () => {
    const code = handler('  if (c) {', '    app.log(1);', '  }');
    const insert = (spec: BlockSpec) =>
      refusal(code, (doc) => ({
        type: 'insertBlock',
        at: { inside: idOf(doc, 'if'), index: 0 },
        spec,
      }));
    expect(insert({ kind: 'raw', text: 'a(); } if (x) { b();' })).toBe('INVALID_TEXT');
    expect(insert({ kind: 'if', test: 'a) { b(); } if (x' })).toBe('INVALID_TEXT');
    expect(insert({ kind: 'return', value: '1; app.log(2)' })).toBe('INVALID_TEXT');
  });
});

describe('a comment block', () => {
  test('keeps every line of new text a comment, whatever ends the line', () => {
    const code = handler('  // note', '', '  app.log(1);');
    const doc = parseBlocks(code);
    const next = setParam(doc, {
      blockId: idOf(doc, '// note'),
      param: 'text',
      text: 'one\u2028app.log(2)\rthree',
    });
    expect(next).toBe(handler('  // one', '  // app.log(2)', '  // three', '', '  app.log(1);'));
  });
});

describe('replaceRaw keeps the code around the statement as it was', () => {
  test('text ending in a // comment does not swallow code after it on the line', () => {
    const code = handler('  helper(event); app.log(2);');
    const doc = parseBlocks(code);
    const result = applyEdit(code, doc, {
      type: 'replaceRaw',
      blockId: idOf(doc, 'helper'),
      text: 'x = 1 // note',
    });
    expect(result.code).toBe(handler('  x = 1 // note', '  app.log(2);'));
    expect(idOf(result.doc, 'app.log(2)')).toBe(idOf(doc, 'app.log(2)'));
  });

  test('several statements in an unbraced body get braces, so none escapes it', () => {
    const code = handler('  if (a) helper(event); else app.log(2);');
    const doc = parseBlocks(code);
    const next = replaceRaw(doc, { blockId: idOf(doc, 'helper'), text: 'one();\ntwo();' });
    expect(next).toBe(handler('  if (a) {', '    one();', '    two();', '  } else app.log(2);'));
  });

  test('an if without else in an unbraced body gets braces, so the else keeps its owner', () => {
    const code = handler('  if (a) helper(event);', '  else app.log(2);');
    const doc = parseBlocks(code);
    const next = replaceRaw(doc, { blockId: idOf(doc, 'helper'), text: 'if (b) one();' });
    expect(next).toBe(handler('  if (a) {', '    if (b) one();', '  }', '  else app.log(2);'));
    const [outer] = parseBlocks(next).blocks;
    expect(outer?.slots.map((slot) => slot.role)).toEqual(['then', 'else']);
  });

  test('refuses text that is not whole statements, or that would run into the next one', () => {
    const partial = refusal(handler('  if (a) {', '    helper(event);', '  }'), (doc) => ({
      type: 'replaceRaw',
      blockId: idOf(doc, 'helper'),
      text: 'one(); } else { two();',
    }));
    expect(partial).toBe('INVALID_TEXT');
    const joined = refusal(handler('  helper(event);', '  [a, b] = [b, a];'), (doc) => ({
      type: 'replaceRaw',
      blockId: idOf(doc, 'helper'),
      text: 'x = y',
    }));
    expect(joined).toBe('INVALID_TEXT');
  });
});

describe('a statement without `;` never runs into the one it lands before', () => {
  test('an inserted raw statement', () => {
    const code = handler('  app.log(1);', '  [a, b] = [b, a];');
    const insert = (text: string) =>
      refusal(code, (doc) => ({
        type: 'insertBlock',
        at: { before: idOf(doc, '[a, b]') },
        spec: { kind: 'raw', text },
      }));
    expect(insert('x = y')).toBe('INVALID_TEXT');
    expect(insert('const f = () => 1')).toBe('INVALID_TEXT');
  });

  test('nor does new text continue the statement before it', () => {
    const code = handler('  x = 1', '  app.log(x)');
    expect(
      refusal(code, (doc) => ({
        type: 'insertBlock',
        at: { after: idOf(doc, 'x = 1') },
        spec: { kind: 'raw', text: '(a)();' },
      })),
    ).toBe('INVALID_TEXT');
  });

  test('a moved statement', () => {
    const code = handler('  const x = 1', '  if (a) {', '    (async () => {})()', '  }');
    expect(
      refusal(code, (doc) => ({
        type: 'moveBlock',
        blockId: idOf(doc, 'const x'),
        to: { before: idOf(doc, '(async') },
      })),
    ).toBe('INVALID_TARGET');
    const semicolonFree = handler('  const x = 1', '  if (a) {', '    app.log(x)', '  }');
    const moved = edit(semicolonFree, (doc) => ({
      type: 'moveBlock',
      blockId: idOf(doc, 'const x'),
      to: { before: idOf(doc, 'app.log') },
    }));
    expect(moved.code).toBe(handler('  if (a) {', '    const x = 1', '    app.log(x)', '  }'));
  });
});

describe('applyEdit guards', () => {
  test('refuses a document that does not match the code, or that has an error', () => {
    const doc = parseBlocks(handler('  app.log(1);'));
    expect(() => applyEdit(handler(), doc, { type: 'deleteBlock', blockId: 'b1' })).toThrow(
      BlockEditError,
    );
    const broken = parseBlocks('export default async function (event, app) {');
    expect(() => applyEdit(broken.code, broken, { type: 'deleteBlock', blockId: 'b1' })).toThrow(
      /no block form/,
    );
    expect(refusal(handler(), () => ({ type: 'deleteBlock', blockId: 'b99' }))).toBe(
      'UNKNOWN_BLOCK',
    );
  });
});

describe('a handler built purely from blocks', () => {
  test('notify on big order', () => {
    let code = 'export default async function (event, app) {}\n';
    let doc = parseBlocks(code);
    const step = (change: BlockEdit) => {
      ({ code, doc } = applyEdit(code, doc, change));
    };
    step({
      type: 'insertBlock',
      at: { inside: ROOT_ID },
      spec: { kind: 'if', test: 'event.next.sales > 1000' },
    });
    const condition = idOf(doc, 'if');
    step({
      type: 'insertBlock',
      at: { inside: condition },
      spec: { kind: 'notify', params: { to: "'ann'", title: "'Big order'" } },
    });
    step({
      type: 'setParam',
      blockId: idOf(doc, 'await'),
      param: 'body',
      text: '`Order ${event.next.id}`',
    });
    step({
      type: 'insertBlock',
      at: { before: condition },
      spec: { kind: 'comment', text: 'Tell Ann about big orders' },
    });
    expect(code).toBe(
      [
        'export default async function (event, app) {',
        '  // Tell Ann about big orders',
        '',
        '  if (event.next.sales > 1000) {',
        "    await app.notify({ to: 'ann', title: 'Big order', body: `Order ${event.next.id}` });",
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    expect(idOf(doc, 'if')).toBe(condition);
  });
});

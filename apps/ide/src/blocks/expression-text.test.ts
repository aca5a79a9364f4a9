import { describe, expect, it } from 'vitest';
import {
  joinCondition,
  splitCondition,
  stringContent,
  textSource,
  valueModeOf,
} from './expression-text';

describe('value modes', () => {
  it('shows strings as words, numbers and yes/no in their inputs, the rest as expressions', () => {
    expect(valueModeOf("'Big order'")).toBe('text');
    expect(valueModeOf('`Order ${event.next.id}`')).toBe('text');
    expect(valueModeOf('1000')).toBe('number');
    expect(valueModeOf('-2.5')).toBe('number');
    expect(valueModeOf('true')).toBe('boolean');
    expect(valueModeOf('event.next.sales')).toBe('expression');
    expect(valueModeOf("'a' + b")).toBe('expression');
  });

  it('reads and writes the words of strings', () => {
    expect(stringContent("'it\\'s'")).toBe("it's");
    expect(stringContent('"say \\"hi\\""')).toBe('say "hi"');
    expect(stringContent('`Order ${event.next.id}`')).toBe('Order ${event.next.id}');
    expect(stringContent("'a' + 'b'")).toBeNull();
    expect(textSource("it's")).toBe("'it\\'s'");
    expect(textSource('Order ${event.next.id}')).toBe('`Order ${event.next.id}`');
    for (const words of ["it's", 'a\\b', 'line\nbreak', 'Order ${x} `q`']) {
      expect(stringContent(textSource(words))).toBe(words);
    }
  });
});

describe('conditions', () => {
  it('split into comparisons joined by one operator', () => {
    expect(splitCondition("event.next.sales > 1000 && event.next.region === 'West'")).toEqual({
      join: '&&',
      rows: [
        { left: 'event.next.sales', op: '>', right: '1000' },
        { left: 'event.next.region', op: '===', right: "'West'" },
      ],
    });
    expect(splitCondition('order.vip || !order.paid')).toEqual({
      join: '||',
      rows: [
        { left: 'order.vip', op: 'truthy', right: '' },
        { left: 'order.paid', op: 'falsy', right: '' },
      ],
    });
    expect(splitCondition('x >= f(a, b > c)')?.rows).toEqual([
      { left: 'x', op: '>=', right: 'f(a, b > c)' },
    ]);
    expect(splitCondition("event.next?.note === 'a && b'")?.rows[0]?.right).toBe("'a && b'");
  });

  it('leave other shapes to the expression editor', () => {
    expect(splitCondition('a && b || c')).toBeNull();
    expect(splitCondition('a + b > c')).toBeNull();
    expect(splitCondition('items.some((i) => i > 2)')).toEqual({
      join: '&&',
      rows: [{ left: 'items.some((i) => i > 2)', op: 'truthy', right: '' }],
    });
    expect(splitCondition('a ? b : c')).toBeNull();
  });

  it('join back to the same text', () => {
    for (const text of [
      'event.next.sales > 1000',
      "event.next.sales > 1000 && event.next.region === 'West'",
      'a.b || !c',
    ]) {
      expect(joinCondition(splitCondition(text)!)).toBe(text);
    }
    expect(joinCondition({ join: '&&', rows: [{ left: 'a', op: '===', right: '' }] })).toBe(
      "a === ''",
    );
  });
});

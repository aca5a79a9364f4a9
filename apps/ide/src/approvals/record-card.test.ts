import type { Field } from '@whenthen/schema';
import { describe, expect, it } from 'vitest';
import { cardFields } from './record-card';

const fields: Field[] = [
  { name: 'orderId', type: 'text' },
  { name: 'customer', type: 'ref', model: 'models.Customer' },
  { name: 'sales', type: 'number' },
  { name: 'discount', type: 'number' },
  { name: 'note', type: 'text' },
];

describe('the approval record card', () => {
  it("puts the fields of the flow's condition first and leaves empty ones out", () => {
    const record = {
      id: 4,
      orderId: 'CA-1',
      customer: 7,
      sales: 957.6,
      discount: 0.45,
      note: null,
    };
    const condition = {
      and: [
        { field: 'discount', op: 'gt' as const, value: 0.3 },
        { not: { field: 'sales', op: 'lt' as const, value: 10 } },
      ],
    };
    expect(cardFields(fields, record, condition).map((c) => [c.field.name, c.inCondition])).toEqual(
      [
        ['sales', true],
        ['discount', true],
        ['orderId', false],
        ['customer', false],
      ],
    );
    expect(cardFields(fields, record, null).map((c) => c.field.name)).toEqual([
      'orderId',
      'customer',
      'sales',
      'discount',
    ]);
  });
});

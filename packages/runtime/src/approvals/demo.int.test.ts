import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { Runtime } from '../runtime.js';

const EXAMPLE = fileURLToPath(new URL('../../../../examples/order-desk', import.meta.url));

let close: (() => void) | null = null;
afterEach(() => {
  close?.();
  close = null;
});

function demo() {
  const dir = mkdtempSync(join(tmpdir(), 'whenthen-demo-'));
  cpSync(EXAMPLE, dir, { recursive: true, filter: (src) => !src.includes('.whenthen') });
  const runtime = new Runtime({ dir });
  close = () => {
    runtime.close();
    rmSync(dir, { recursive: true, force: true });
  };
  const customer = runtime.data.create('models.Customer', {
    customerId: 'CG-12520',
    name: 'Claire Gute',
  });
  const product = runtime.data.create('models.Product', {
    productId: 'FUR-BO-10001798',
    name: 'Bush Somerset Bookcase',
  });
  let rowId = 0;
  const order = (discount: number) =>
    runtime.data.create('models.Order', {
      rowId: ++rowId,
      orderId: `CA-2016-${rowId}`,
      orderDate: '2016-11-08',
      customer: customer.id,
      product: product.id,
      sales: 261.96,
      quantity: 2,
      discount,
      profit: 41.91,
    });
  return { runtime, order };
}

describe('the order-desk demo', () => {
  it('loads its discount flow and approval events without problems', () => {
    const { runtime } = demo();
    const mine = runtime
      .listElements()
      .items.filter((e) =>
        [
          'approvals.Discount',
          'events.MarkDiscountApproved',
          'events.NotifyDiscountRejected',
        ].includes(e.name),
      );
    expect(mine.map((e) => [e.name, e.problems])).toEqual([
      ['approvals.Discount', []],
      ['events.MarkDiscountApproved', []],
      ['events.NotifyDiscountRejected', []],
    ]);
    expect(runtime.listElements().items.filter((e) => e.problems.length)).toEqual([]);
  });

  it('marks an order approved after the sales manager and all of finance approve', () => {
    const { runtime, order } = demo();
    const small = order(0.2);
    expect(() =>
      runtime.approvals.submit('approvals.Discount', { recordId: small.id, user: 'dee' }),
    ).toThrow(/does not need approvals.Discount/);
    const big = order(0.5);
    const inst = runtime.approvals.submit('approvals.Discount', { recordId: big.id, user: 'dee' });
    runtime.approvals.act(inst.id, { action: 'approve', user: 'ann' });
    runtime.approvals.act(inst.id, { action: 'approve', user: 'bob' });
    expect(runtime.data.get('models.Order', big.id)!.approvalStatus).toBeNull();
    runtime.approvals.act(inst.id, { action: 'approve', user: 'cid' });
    expect(runtime.data.get('models.Order', big.id)!.approvalStatus).toBe('approved');
  });

  it('tells the submitter when finance rejects', () => {
    const { runtime, order } = demo();
    const big = order(0.7);
    const inst = runtime.approvals.submit('approvals.Discount', { recordId: big.id, user: 'dee' });
    runtime.approvals.act(inst.id, { action: 'approve', user: 'ann' });
    runtime.approvals.act(inst.id, { action: 'reject', user: 'cid', comment: 'below cost' });
    expect(runtime.data.get('models.Order', big.id)!.approvalStatus).toBe('rejected');
    const [note] = runtime.notifications.list({ to: 'dee' }).items;
    expect(note).toMatchObject({
      title: `Discount on ${big.orderId} rejected`,
      body: 'cid (finance) rejected the 70% discount: below cost',
    });
  });
});

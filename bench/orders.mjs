// Order rows for the benchmark, shaped like the demo's Order lines (deterministic, no I/O).
export const ORDER_FIELDS = [
  { name: 'orderId', type: 'text' },
  { name: 'orderDate', type: 'date' },
  { name: 'region', type: 'enum', values: ['Central', 'East', 'South', 'West'] },
  { name: 'category', type: 'text' },
  { name: 'productName', type: 'text' },
  { name: 'sales', type: 'number' },
  { name: 'quantity', type: 'integer' },
  { name: 'discount', type: 'number' },
  { name: 'profit', type: 'number' },
  { name: 'status', type: 'text' },
  { name: 'margin', type: 'number' },
];

const REGIONS = ['Central', 'East', 'South', 'West'];
export function orderRow(i) {
  return {
    orderId: `CA-2024-${100000 + (i % 50000)}`,
    orderDate: `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    region: REGIONS[i % 4],
    category: i % 3 === 0 ? 'Furniture' : 'Office Supplies',
    productName: `Product ${i % 1800}`,
    sales: Math.round(((i * 37) % 2000) * 100) / 100 + 0.5,
    quantity: (i % 9) + 1,
    discount: (i % 5) / 10,
    profit: ((i * 13) % 400) - 100,
    status: 'new',
    margin: null,
  };
}

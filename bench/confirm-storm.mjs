#!/usr/bin/env node
// Confirm storm: 200 draft sale orders sharing 5 parts, all confirmed at once over HTTP. Prints the throughput and
// proves the final stock is exact (per part, and the ledger check endpoint).
// Usage: node bench/confirm-storm.mjs
import { api, pgPool, startApi } from './lib.mjs';

const ORDERS = 200;
const app = await startApi({ port: 3973, name: 'confirm-storm' });
const call = (method, url, body) => api(app.url, app.token, method, url, body);

const customer = await call('POST', '/api/v1/customers', { nama: 'Storm customer' });
const parts = [];
for (let j = 0; j < 5; j += 1) parts.push(await call('POST', '/api/v1/parts', { kode: `STORM-${j}`, nama: `Storm part ${j}`, harga: 1000, stock: 5000 }));
const ids = [];
for (let i = 0; i < ORDERS; i += 1) {
  const lines = parts.map((p, j) => ({ product_id: p.id, line_number: j + 1, description: p.nama, qty: ((i + j) % 3) + 1, unit_price: 1000, discount: 0, line_total: (((i + j) % 3) + 1) * 1000 }));
  const subtotal = lines.reduce((s, l) => s + l.line_total, 0);
  const order = await call('POST', '/api/v1/sale-orders', { order_number: `SO-STORM-${i}`, order_date: '2026-11-22', status: 'draft', subtotal, tax: 0, total: subtotal, customer_id: customer.id, product_lines: lines });
  ids.push(order.id);
}

const started = performance.now();
const results = await Promise.allSettled(ids.map((id) => call('POST', `/api/v1/sale-orders/${id}/confirm`)));
const seconds = (performance.now() - started) / 1000;
const failed = results.filter((r) => r.status === 'rejected');

const pool = pgPool(app.databaseUrl);
const { rows } = await pool.query(`SELECT kode, stock FROM parts WHERE kode LIKE 'STORM-%' ORDER BY kode`);
let exact = true;
rows.forEach((row, j) => {
  const expected = 5000 - ids.reduce((sum, _id, i) => sum + ((i + j) % 3) + 1, 0);
  const ok = Number(row.stock) === expected;
  exact &&= ok;
  console.log(`${row.kode}: stock ${row.stock}, expected ${expected.toFixed(2)} ${ok ? 'ok' : 'MISMATCH'}`);
});
const check = await call('GET', '/api/v1/stock/check');
console.log(`confirmed ${ORDERS - failed.length}/${ORDERS} in ${seconds.toFixed(2)} s = ${((ORDERS - failed.length) / seconds).toFixed(1)} confirms/s`);
console.log(`final stock exact: ${exact}; ledger check ok: ${check.ok} (${check.partsChecked} parts)`);
await pool.end();
await app.stop();
process.exit(exact && check.ok && failed.length === 0 ? 0 : 1);

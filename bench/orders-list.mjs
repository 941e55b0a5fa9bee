#!/usr/bin/env node
// Throughput of the list path: GET /api/v1/sale-orders?page=…&limit=50 over 10,000 orders at 50 concurrent
// connections, against a ~20-line raw node:http + pg server running the same two queries, in the same run.
// Usage: node bench/orders-list.mjs [seconds=15]
import autocannon from 'autocannon';
import http from 'node:http';
import { pgPool, startApi } from './lib.mjs';

const SECONDS = Number(process.argv[2] ?? 15);
const ORDERS = 10_000;
const app = await startApi({ port: 3971, name: 'orders-list' });
const pool = pgPool(app.databaseUrl);

console.log(`seeding ${ORDERS} sale orders…`);
await pool.query(`INSERT INTO customers (nama, alamat, hp, email) SELECT 'Customer ' || g, 'Jl. ' || g, '08' || g, 'c' || g || '@x.id' FROM generate_series(1, 200) g`);
await pool.query(`INSERT INTO parts (kode, nama, harga) SELECT 'P-' || g, 'Part ' || g, 1000 FROM generate_series(1, 50) g`);
await pool.query(`
  INSERT INTO orders (kind, order_number, order_date, status, subtotal, tax, total, customer_id)
  SELECT 'sale', 'SO-B-' || g, date '2026-01-01' + (g % 300), 'draft', 2000, 220, 2220,
         (SELECT id FROM customers ORDER BY id OFFSET (g % 200) LIMIT 1)
  FROM generate_series(1, ${ORDERS}) g`);
await pool.query(`
  INSERT INTO order_product_lines (order_id, product_id, line_number, description, qty, unit_price, discount, line_total)
  SELECT o.id, (SELECT id FROM parts ORDER BY id OFFSET (n % 50) LIMIT 1), n, 'line', 1, 1000, 0, 1000
  FROM orders o CROSS JOIN generate_series(1, 2) n`);
await pool.query('ANALYZE');

// The raw baseline: the same SQL the API runs for this path (page rows with customer and lines total, plus count).
const raw = http.createServer(async (req, res) => {
  const page = Number(new URL(req.url, 'http://x').searchParams.get('page') ?? 1);
  const rows = await pool.query(
    `WITH page AS (SELECT o.*, p.nama AS p_nama, p.alamat AS p_alamat, p.hp AS p_hp, p.email AS p_email
       FROM orders o JOIN customers p ON p.id = o.customer_id WHERE o.kind = $1
       ORDER BY order_date DESC, id DESC LIMIT 50 OFFSET ${(page - 1) * 50})
     SELECT page.*, COALESCE((SELECT sum(line_total) FROM order_product_lines WHERE order_id = page.id), 0)
          + COALESCE((SELECT sum(line_total) FROM order_service_lines WHERE order_id = page.id), 0) AS lines_total
     FROM page ORDER BY order_date DESC, id DESC`, ['sale']);
  const count = await pool.query(`SELECT count(*)::int AS count FROM orders o WHERE o.kind = $1`, ['sale']);
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ success: true, data: rows.rows, meta: { total: count.rows[0].count } }));
});
await new Promise((r) => raw.listen(3972, '127.0.0.1', r));

function run(url, headers) {
  let i = 0;
  return autocannon({
    url,
    connections: 50,
    duration: SECONDS,
    headers,
    requests: [{ setupRequest: (req) => ({ ...req, path: `/api/v1/sale-orders?page=${(i++ % 200) + 1}&limit=50` }) }],
  });
}

const fmt = (r) => `${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, errors ${r.errors + r.non2xx}`;
const rawResult = await run('http://127.0.0.1:3972', {});
const apiResult = await run(app.url, { authorization: `Bearer ${app.token}` });
console.log(`raw node:http + pg : ${fmt(rawResult)}`);
console.log(`Simpul API         : ${fmt(apiResult)}`);
console.log(`ratio API/raw      : ${(apiResult.requests.average / rawResult.requests.average).toFixed(2)} (throughput), p99 ${apiResult.latency.p99} vs ${rawResult.latency.p99} ms`);

raw.close();
await pool.end();
await app.stop();

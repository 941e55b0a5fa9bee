#!/usr/bin/env node
// Parts-sync at scale: 100,000 parts and 100,000 purchase orders (some parts in several POs, some lines pointing at
// deleted parts). In one run it measures the API's preview and execute, one hand-written set-based UPDATE doing the
// same change, and a row-by-row loop (one query per part), resetting the parts between them. Prints peak API RSS.
// Usage: node bench/parts-sync.mjs [parts=100000]
import { peakRssMb, pgPool, startApi } from './lib.mjs';

const N = Number(process.argv[2] ?? 100_000);
const app = await startApi({ port: 3975, name: 'parts-sync' });
const pool = pgPool(app.databaseUrl);
const time = async (label, fn) => {
  const t0 = performance.now();
  const out = await fn();
  const ms = performance.now() - t0;
  console.log(`${label.padEnd(34)} ${(ms / 1000).toFixed(2)} s`);
  return { ms, out };
};

console.log(`seeding ${N} parts and ${N} purchase orders…`);
await pool.query(`INSERT INTO vendors (nama) VALUES ('Bench vendor')`);
await pool.query(`INSERT INTO parts (kode, nama, harga) SELECT 'BP-' || g, 'Bench part ' || g, 100 FROM generate_series(1, ${N}) g`);
await pool.query(`CREATE TEMP TABLE part_ids AS SELECT row_number() OVER (ORDER BY kode) AS n, id FROM parts`);
await pool.query(`
  INSERT INTO orders (kind, order_number, order_date, status, subtotal, tax, total, vendor_id)
  SELECT 'purchase', 'PO-B-' || g, date '2025-01-01' + (g % 600), CASE WHEN g % 20 = 0 THEN 'cancelled' ELSE 'draft' END,
         100, 0, 100, (SELECT id FROM vendors LIMIT 1)
  FROM generate_series(1, ${N}) g`);
// Each PO has one line for part g, and every third PO a second line for a random part: many parts are in several POs.
await pool.query(`CREATE TEMP TABLE po_ids AS SELECT row_number() OVER (ORDER BY order_number) AS n, id FROM orders WHERE kind = 'purchase'`);
await pool.query(`
  INSERT INTO order_product_lines (order_id, product_id, line_number, description, qty, unit_price, discount, line_total)
  SELECT o.id, p.id, 1, 'bench', 1, 100, 0, 100 FROM po_ids o JOIN part_ids p ON p.n = o.n`);
await pool.query(`
  INSERT INTO order_product_lines (order_id, product_id, line_number, description, qty, unit_price, discount, line_total)
  SELECT o.id, p.id, 2, 'bench', 1, 100, 0, 100 FROM po_ids o JOIN part_ids p ON p.n = 1 + ((o.n * 7919) % ${N}) WHERE o.n % 3 = 0`);
// 1% of parts deleted after their POs were written: their lines now point at a part that no longer exists.
await pool.query(`UPDATE parts SET deleted_at = now() WHERE kode LIKE 'BP-%00'`);
await pool.query('ANALYZE');
const reset = () => pool.query(`UPDATE parts SET po_number = NULL`);
const winners = `SELECT DISTINCT ON (l.product_id) l.product_id AS part_id, o.order_number AS po_number
  FROM order_product_lines l JOIN orders o ON o.id = l.order_id WHERE o.kind = 'purchase' AND o.status <> 'cancelled'
  ORDER BY l.product_id, o.order_date DESC, o.created_at DESC, o.id DESC`;

// 1. Row by row, one query per part, as the seed's description reads.
await reset();
const { rows: partRows } = await pool.query(`SELECT id FROM parts WHERE deleted_at IS NULL`);
const loop = await time('row-by-row loop (1 query/part)', async () => {
  const client = await pool.connect();
  try {
    for (const { id } of partRows) {
      await client.query(
        `UPDATE parts SET po_number = (SELECT o.order_number FROM order_product_lines l JOIN orders o ON o.id = l.order_id
           WHERE l.product_id = $1 AND o.kind = 'purchase' AND o.status <> 'cancelled'
           ORDER BY o.order_date DESC, o.created_at DESC, o.id DESC LIMIT 1)
         WHERE id = $1 AND EXISTS (SELECT 1 FROM order_product_lines WHERE product_id = $1)`,
        [id],
      );
    }
  } finally {
    client.release();
  }
});

// 2. One hand-written set-based UPDATE.
await reset();
const hand = await time('hand-written UPDATE … FROM (…)', () =>
  pool.query(`UPDATE parts p SET po_number = w.po_number, updated_at = now() FROM (${winners}) w
    WHERE p.id = w.part_id AND p.deleted_at IS NULL AND p.po_number IS DISTINCT FROM w.po_number`),
);
const handRows = hand.out.rowCount;

// 3. Through the API.
await reset();
const headers = { authorization: `Bearer ${app.token}` };
const preview = await time('API preview (GET, page 1 + counts)', async () => (await fetch(`${app.url}/api/master/parts/sync-po?limit=50`, { headers })).json());
const exec = await time('API execute (POST)', async () => (await fetch(`${app.url}/api/master/parts/sync-po`, { method: 'POST', headers })).json());
const again = await time('API execute again (idempotent)', async () => (await fetch(`${app.url}/api/master/parts/sync-po`, { method: 'POST', headers })).json());
const rss = await peakRssMb(app.pid);

console.log('');
console.log(`preview counts: ${JSON.stringify(preview.out.data.counts)} (totalPOs ${preview.out.data.totalPOs})`);
console.log(`execute counts: ${JSON.stringify(exec.out.data.counts)}; hand-written SQL updated ${handRows} rows`);
console.log(`second run synced: ${again.out.data.counts.synced}`);
console.log(`API execute / hand SQL     : ${(exec.ms / hand.ms).toFixed(2)}x (goal ≤ 2x)`);
console.log(`row loop / API execute     : ${(loop.ms / exec.ms).toFixed(1)}x faster (goal ≥ 50x)`);
console.log(`peak API RSS               : ${rss} MB (goal < 300 MB)`);
await pool.end();
await app.stop();

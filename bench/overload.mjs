#!/usr/bin/env node
// Overload at 100,000 parts and 100,000 purchase orders, in one run:
//  1. List and search figures: `GET /api/v1/parts?q=CK-1` and purchase orders sorted by total, each against a raw
//     node:http + pg server running the same hand-written SQL on the same database (ratio API/raw).
//  2. Capacity: a mixed load (health, get part by id, part lists, part search, POs by total) from closed-loop clients.
//  3. Overload: the same mix at 2x that capacity, open loop (arrivals do not wait for answers), for 60 s. Prints the
//     p99 of cheap requests (health, get by id), the API's peak RSS, the share of fast 503s, and after the load
//     stops, the time until cheap requests answer at their idle latency again.
// Usage: node bench/overload.mjs [overloadSeconds=60] [rows=100000]
//        BENCH_API_ENV=DB_LIST_CONCURRENCY=2,DB_POOL_SIZE=10 node bench/overload.mjs   (other settings for the API)
import autocannon from 'autocannon';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { cpuMs, pgPool, postgresCpuMs, startApi } from './lib.mjs';

const OVERLOAD_SECONDS = Number(process.argv[2] ?? 60);
const ROWS = Number(process.argv[3] ?? 100_000);
const CAPACITY_SECONDS = 10;
const REQUEST_TIMEOUT_MS = 10_000;
const FAST_MS = 50; // a 503 answered within this is "fast"

const app = await startApi({ port: 3981, name: 'overload', env: process.env.BENCH_API_ENV ? Object.fromEntries(process.env.BENCH_API_ENV.split(',').map((kv) => kv.split('='))) : {} });
const pool = pgPool(app.databaseUrl);
const [host, port] = [new URL(app.url).hostname, Number(new URL(app.url).port)];

console.log(`seeding ${ROWS} parts and ${ROWS} purchase orders…`);
await pool.query(`INSERT INTO vendors (nama, email) SELECT 'Vendor ' || g, 'v' || g || '@x.id' FROM generate_series(1, 200) g`);
await pool.query(`
  INSERT INTO parts (kode, nama, harga, stock, po_number)
  SELECT 'CK-' || g, 'Komponen ' || md5(g::text), (g * 7919 % 100000) / 100.0, g % 500, NULL FROM generate_series(1, ${ROWS}) g`);
await pool.query(`
  INSERT INTO orders (kind, order_number, order_date, status, subtotal, tax, total, vendor_id)
  SELECT 'purchase', 'PO-OV-' || g, date '2025-01-01' + (g % 600), 'draft', (g::bigint * 104729 % 1000000) / 100.0, 0,
         (g::bigint * 104729 % 1000000) / 100.0, v.id
  FROM generate_series(1, ${ROWS}) g JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM vendors) v ON v.n = 1 + g % 200`);
await pool.query(`
  INSERT INTO order_product_lines (order_id, product_id, line_number, description, qty, unit_price, discount, line_total)
  SELECT o.id, p.id, 1, 'bench', 1, o.total, 0, o.total
  FROM (SELECT id, total, row_number() OVER (ORDER BY id) AS n FROM orders WHERE kind = 'purchase') o
  JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM parts) p ON p.n = o.n`);
await pool.query('VACUUM ANALYZE');
const partIds = (await pool.query(`SELECT id FROM parts ORDER BY random() LIMIT 2000`)).rows.map((r) => r.id);

// ---------------------------------------------------------------------------------------------------------------
// 1. List and search, API versus the same SQL behind a bare server.
const PARTS_SEARCH = `FROM parts WHERE deleted_at IS NULL AND (kode ILIKE $1 OR nama ILIKE $1 OR po_number ILIKE $1)`;
const raw = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  let data;
  if (url.pathname === '/parts') {
    const q = `%${url.searchParams.get('q')}%`;
    const [rows, count] = await Promise.all([
      pool.query(`SELECT * ${PARTS_SEARCH} ORDER BY kode, id LIMIT 20`, [q]),
      pool.query(`SELECT count(*)::int AS count ${PARTS_SEARCH}`, [q]),
    ]);
    data = { items: rows.rows, total: count.rows[0].count };
  } else {
    const [rows, count] = await Promise.all([
      pool.query(
        `WITH page AS (SELECT o.*, v.nama AS p_nama FROM orders o JOIN vendors v ON v.id = o.vendor_id WHERE o.kind = 'purchase'
           ORDER BY total DESC, id DESC LIMIT 20)
         SELECT page.*, COALESCE((SELECT sum(line_total) FROM order_product_lines WHERE order_id = page.id), 0) AS lines_total
         FROM page ORDER BY total DESC, id DESC`,
      ),
      pool.query(`SELECT count(*)::int AS count FROM orders WHERE kind = 'purchase'`),
    ]);
    data = { items: rows.rows, total: count.rows[0].count };
  }
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ success: true, data }));
});
await new Promise((r) => raw.listen(3982, '127.0.0.1', r));

const auth = { authorization: `Bearer ${app.token}` };
const cannon = (url, headers) => autocannon({ url, connections: 8, duration: 8, headers });
const fmt = (r) => `${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, non-2xx ${r.non2xx + r.errors}`;
const lists = [
  ['parts?q=CK-1', `${app.url}/api/v1/parts?q=CK-1`, 'http://127.0.0.1:3982/parts?q=CK-1'],
  ['POs sorted by total', `${app.url}/api/v1/purchase-orders?sort=total&order=desc`, 'http://127.0.0.1:3982/pos'],
];
const listFigures = [];
for (const [label, apiUrl, rawUrl] of lists) {
  const rawResult = await cannon(rawUrl, {});
  const apiResult = await cannon(apiUrl, auth);
  listFigures.push(
    `${label.padEnd(20)} API ${fmt(apiResult)}\n${''.padEnd(20)} raw ${fmt(rawResult)}\n${''.padEnd(20)} ratio API/raw ${(apiResult.requests.average / rawResult.requests.average).toFixed(2)} (throughput)`,
  );
}
raw.close();
console.log(`\n== list and search at ${ROWS} rows, 8 connections ==\n${listFigures.join('\n')}`);

// ---------------------------------------------------------------------------------------------------------------
// 2 and 3. The mixed load.
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (n) => Math.floor(rand() * n);
const MIX = [
  [0.25, 'cheap', () => '/api/health'],
  [0.25, 'cheap', () => `/api/v1/parts/${partIds[pick(partIds.length)]}`],
  [0.2, 'list', () => `/api/v1/parts?page=${1 + pick(50)}&limit=20`],
  [0.1, 'list', () => `/api/v1/parts?sort=${['nama', 'harga', 'stock', 'po_number'][pick(4)]}&order=${rand() < 0.5 ? 'asc' : 'desc'}&page=${1 + pick(20)}`],
  [0.1, 'search', () => `/api/v1/parts?q=CK-${1 + pick(99)}`],
  [0.1, 'po-total', () => `/api/v1/purchase-orders?sort=total&order=${rand() < 0.5 ? 'asc' : 'desc'}&page=${1 + pick(20)}`],
];
const nextRequest = () => {
  let r = rand();
  for (const [weight, kind, path] of MIX) {
    if ((r -= weight) < 0) return { kind, path: path() };
  }
  return { kind: MIX[0][1], path: MIX[0][2]() };
};

const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });
function send(path) {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const req = http.get({ host, port, path, agent, headers: auth, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, ms: performance.now() - t0, retryAfter: res.headers['retry-after'] }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (err) => resolve({ status: err.message === 'timeout' ? 'timeout' : 'error', ms: performance.now() - t0 }));
  });
}

const quantile = (xs, q) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const rssMb = () => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${app.pid}/status`, 'utf8'))[1]) / 1024;
  } catch {
    return 0;
  }
};

// Idle latency of the cheap requests, the yardstick for recovery.
const idle = [];
for (let i = 0; i < 40; i += 1) idle.push((await send(i % 2 ? '/api/health' : `/api/v1/parts/${partIds[i]}`)).ms);
const idleP50 = quantile(idle, 0.5);

// Capacity: closed-loop clients, each sending its next request when the last is answered.
const CLIENTS = 32;
let served = 0;
const capEnd = performance.now() + CAPACITY_SECONDS * 1000;
await Promise.all(
  Array.from({ length: CLIENTS }, async () => {
    while (performance.now() < capEnd) {
      const r = await send(nextRequest().path);
      if (r.status === 200) served += 1;
    }
  }),
);
const capacity = served / CAPACITY_SECONDS;
const rate = 2 * capacity;
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
console.log(`\n== mixed load == (machine load average ${load()})\ncapacity (closed loop, ${CLIENTS} clients, ${CAPACITY_SECONDS} s): ${capacity.toFixed(0)} req/s; idle p50 of cheap requests ${idleP50.toFixed(1)} ms`);
console.log(`overload: ${rate.toFixed(0)} req/s open loop for ${OVERLOAD_SECONDS} s…`);

// Overload: arrivals on a fixed schedule, whatever the answers do.
const results = [];
let peakRss = rssMb();
const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, rssMb())), 200);
const inflight = new Set();
const cpuBefore = { api: cpuMs(app.pid), pg: postgresCpuMs(app.dataDir), bench: process.cpuUsage() };
const t0 = performance.now();
let sent = 0;
while (performance.now() - t0 < OVERLOAD_SECONDS * 1000) {
  const due = Math.floor(((performance.now() - t0) / 1000) * rate);
  while (sent < due) {
    sent += 1;
    const { kind, path } = nextRequest();
    const at = performance.now() - t0;
    const p = send(path).then((r) => results.push({ kind, at, ...r }));
    inflight.add(p);
    p.finally(() => inflight.delete(p));
  }
  await new Promise((r) => setTimeout(r, 2));
}
const stoppedAt = performance.now();
const outstandingAtStop = inflight.size;
const benchCpu = process.cpuUsage(cpuBefore.bench);
const cpuShare = (ms) => `${((100 * ms) / (stoppedAt - t0)).toFixed(0)}%`;
const cpuLine = `CPU during the load (of one core): API ${cpuShare(cpuMs(app.pid) - cpuBefore.api)}, PostgreSQL ${cpuShare(postgresCpuMs(app.dataDir) - cpuBefore.pg)}, load generator ${cpuShare((benchCpu.user + benchCpu.system) / 1000)}`;

// Recovery: cheap probes every 100 ms until ten in a row answer 200 within 3x the idle p50 (at least 20 ms).
const bar = Math.max(3 * idleP50, 20);
let streak = 0;
let recoveredAt = null;
while (performance.now() - stoppedAt < 60_000) {
  const probeStart = performance.now();
  const a = await send('/api/health');
  const b = await send(`/api/v1/parts/${partIds[pick(partIds.length)]}`);
  if (a.status === 200 && b.status === 200 && a.ms < bar && b.ms < bar) {
    if (streak === 0) recoveredAt = probeStart;
    streak += 1;
    if (streak >= 10) break;
  } else {
    streak = 0;
    recoveredAt = null;
  }
  await new Promise((r) => setTimeout(r, 100));
}
await Promise.all([...inflight]);
clearInterval(rssTimer);
peakRss = Math.max(peakRss, rssMb());

const by = (pred) => results.filter(pred);
const pct = (n, d) => `${((100 * n) / Math.max(d, 1)).toFixed(1)}%`;
const cheap = by((r) => r.kind === 'cheap');
const cheapAnswered = cheap.filter((r) => typeof r.status === 'number');
const ok = by((r) => r.status === 200);
const s503 = by((r) => r.status === 503);
const fast503 = s503.filter((r) => r.ms <= FAST_MS);
const failed = by((r) => typeof r.status !== 'number');
const other = by((r) => typeof r.status === 'number' && r.status !== 200 && r.status !== 503);
console.log(`sent ${results.length} (${(results.length / OVERLOAD_SECONDS).toFixed(0)} req/s achieved by the load generator)`);
console.log(`answers: 200 ${pct(ok.length, results.length)}, 503 ${pct(s503.length, results.length)} (fast, <= ${FAST_MS} ms: ${pct(fast503.length, s503.length)} of them; Retry-After on ${pct(s503.filter((r) => r.retryAfter).length, s503.length)}), other ${pct(other.length, results.length)} ${[...new Set(other.map((r) => r.status))].join(',')}, timeouts/connection errors ${pct(failed.length, results.length)}`);
for (const kind of ['cheap', 'list', 'search', 'po-total']) {
  const rs = by((r) => r.kind === kind && typeof r.status === 'number');
  const good = rs.filter((r) => r.status === 200);
  console.log(
    `  ${kind.padEnd(9)} n=${String(rs.length).padStart(6)}  all answers p50 ${quantile(rs.map((r) => r.ms), 0.5).toFixed(0)} ms p99 ${quantile(rs.map((r) => r.ms), 0.99).toFixed(0)} ms` +
      `  | 200s p50 ${quantile(good.map((r) => r.ms), 0.5).toFixed(0)} ms p99 ${quantile(good.map((r) => r.ms), 0.99).toFixed(0)} ms (${pct(good.length, rs.length)} served)`,
  );
}
const windows = [];
for (let w = 0; w < OVERLOAD_SECONDS; w += 10) {
  const inWindow = cheapAnswered.filter((r) => r.at >= w * 1000 && r.at < (w + 10) * 1000).map((r) => r.ms);
  windows.push(`${w}-${w + 10}s ${quantile(inWindow, 0.99).toFixed(0)}`);
}
console.log(`p99 of cheap requests per 10 s of the load (ms): ${windows.join(', ')}`);
console.log(`p99 of cheap requests (health, get by id), every answer: ${quantile(cheapAnswered.map((r) => r.ms), 0.99).toFixed(0)} ms (target < 200 ms)`);
console.log(`peak API RSS during the load: ${peakRss.toFixed(0)} MB (target < 400 MB)`);
console.log(`outstanding at the load's end: ${outstandingAtStop}`);
console.log(cpuLine);
console.log(`machine load average at the end: ${load()} (2 cores, shared: other work on the machine slows every figure)`);
console.log(
  recoveredAt === null
    ? 'recovery: cheap requests did not return to idle latency within 60 s'
    : `recovery: cheap requests back at idle latency (< ${bar.toFixed(0)} ms) ${((recoveredAt - stoppedAt) / 1000).toFixed(2)} s after the load stopped (target < 5 s)`,
);

agent.destroy();
await pool.end();
await app.stop();

#!/usr/bin/env node
// Odoo MO sync: a full sync of 3 production types × 1000 MOs from the sandbox Odoo through the API, compared in the
// same run with a plain JSON-RPC client fetching exactly the same pages. The difference is what the API adds
// (mapping, the batched upsert into odoo_mo_cache, run history); the goal is < 30 %. Prints the API's peak RSS, and a
// control: what a busy second core alone costs the plain fetch on this machine.
// Usage: node bench/odoo-mo.mjs   (ODOO_LATENCY_MS=20 adds that much latency to every sandbox request, for both clients)
import { spawn } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { root } from '../tools/nx.mjs';
import { api, cpuMs, peakRssMb, pgPool, postgresCpuMs, startApi } from './lib.mjs';

const SANDBOX_PORT = 4620;
const MO_COUNT = 14000; // spread over 60 days: ≥ 1000 of each type (cartridge is the rarest, ~9 %) in the 30-day window
const TYPES = {
  liquid: [['product_id.categ_id.name', 'ilike', 'liquid']],
  device: [['product_id.categ_id.name', 'ilike', 'device']],
  cartridge: [['product_id.categ_id.name', 'ilike', 'cartridge']],
};
const LIMIT = 1000;
const PAGE = 500; // the API's page size
const ROUNDS = 11;
const LATENCY_MS = Number(process.env.ODOO_LATENCY_MS ?? 0); // the machine may be shared: each round pairs a plain fetch with the syncs, and medians are reported

async function startSandbox() {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(root, 'apps/sandbox/src/main.ts')], {
    cwd: root,
    env: { ...process.env, TS_NODE_PROJECT: path.join(root, 'apps/sandbox/tsconfig.app.json'), SANDBOX_PORT: String(SANDBOX_PORT) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const started = Date.now();
  while (!/Sandbox .* on http/.test(out)) {
    if (child.exitCode !== null) throw new Error(`sandbox exited: ${out}`);
    if (Date.now() - started > 60_000) throw new Error('sandbox did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url: `http://127.0.0.1:${SANDBOX_PORT}`, pid: child.pid, stop: () => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM'))) };
}

/** The plain client: JSON-RPC over fetch, no mapping, no database; the same requests in the same order as the API. */
function plainClient(base) {
  let id = 0;
  const rpc = async (params) => {
    const res = await fetch(`${base}/jsonrpc`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: ++id, params }) });
    const body = await res.json();
    if (body.error) throw new Error(JSON.stringify(body.error.data?.message ?? body.error));
    return body.result;
  };
  let uid = null;
  return {
    rpc,
    async fetchAll(since) {
      // As the API does: `version` every run, `authenticate` and `fields_get` once per connection.
      await rpc({ service: 'common', method: 'version', args: [] });
      const kw = (model, method, args, kwargs = {}) => rpc({ service: 'object', method: 'execute_kw', args: ['mrpdemo', uid, 'sandbox-odoo-api-key', model, method, args, kwargs] });
      if (uid === null) {
        uid = await rpc({ service: 'common', method: 'authenticate', args: ['mrpdemo', 'admin', 'sandbox-odoo-api-key', {}] });
        await kw('mrp.production', 'fields_get', [], { attributes: ['type'] });
      }
      let rows = 0;
      const earlier = [];
      for (const domain of Object.values(TYPES)) {
        // As the API asks: each type less what the earlier ones match (every TYPES domain here is one term).
        const exclude = earlier.length === 0 ? [] : ['!', ...Array(earlier.length - 1).fill('|'), ...earlier];
        const full = [['create_date', '>=', since], ...domain, ...exclude];
        earlier.push(...domain);
        const total = Math.min(await kw('mrp.production', 'search_count', [full]), LIMIT);
        // Like the API, ask for the next page (the ids below the last one read) before handling the current one.
        const read = (below, size) =>
          kw('mrp.production', 'search_read', [below === null ? full : [...full, ['id', '<', below]]], {
            fields: ['name', 'product_id', 'product_qty', 'product_uom_id', 'state', 'date_planned_start', 'create_date', 'origin', 'company_id'],
            limit: size,
            order: 'id desc',
          });
        let next = total > 0 ? read(null, Math.min(PAGE, total)) : null;
        let fetched = 0;
        while (next) {
          const page = await next;
          fetched += page.length;
          const lowest = page[page.length - 1]?.id;
          next = fetched < total && page.length > 0 ? read(lowest, Math.min(PAGE, total - fetched)) : null;
          rows += page.length;
        }
      }
      return rows;
    },
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = async (fn) => {
  const t0 = performance.now();
  const result = await fn();
  return { ms: performance.now() - t0, result };
};
/** CPU used by each process while `fn` runs, added into `into` (ms). */
const ownCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const withCpu = async (into, fn) => {
  const before = { sandbox: cpuMs(sandbox.pid), api: cpuMs(app.pid), postgres: postgresCpuMs(app.dataDir), client: ownCpuMs() };
  const result = await fn();
  into.sandbox += cpuMs(sandbox.pid) - before.sandbox;
  into.api += cpuMs(app.pid) - before.api;
  into.postgres += postgresCpuMs(app.dataDir) - before.postgres;
  into.client += ownCpuMs() - before.client;
  return result;
};
const newCpu = () => ({ sandbox: 0, api: 0, postgres: 0, client: 0 });

const sandbox = await startSandbox();
const app = await startApi({ port: 3974, name: 'odoo-mo' });
const pool = pgPool(app.databaseUrl);
try {
  await fetch(`${sandbox.url}/odoo/__control/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ version: 16, count: MO_COUNT, seed: 42 }) });
  if (LATENCY_MS > 0) {
    // Both clients then wait as long per request, as they would for an Odoo across a network.
    await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ system: 'odoo', kind: 'latency', ms: LATENCY_MS }) });
    console.log(`sandbox latency: ${LATENCY_MS} ms per request (ODOO_LATENCY_MS); the goal is judged without it`);
  }
  const call = (method, url, body) => api(app.url, app.token, method, url, body);
  await call('PUT', '/api/admin/odoo-config', {
    baseUrl: `${sandbox.url}/odoo`,
    database: 'mrpdemo',
    authMode: 'api_key',
    login: 'admin',
    apiKey: 'sandbox-odoo-api-key',
    syncLimit: LIMIT,
    syncWindowDays: 30,
    scheduleEnabled: false,
    productionTypes: TYPES,
  });
  const test = await call('POST', '/api/admin/odoo-config/test', {});
  console.log(`sandbox: Odoo ${test.serverVersion}, ${MO_COUNT + 4} MOs; in the 30-day window: ${test.productionTypes.map((t) => `${t.production_type} ${t.count}`).join(', ')}`);

  const sync = async () => {
    const res = await fetch(`${app.url}/api/admin/sync-mo`, { method: 'POST', headers: { authorization: `Bearer ${app.token}` } });
    const body = await res.json();
    if (res.status !== 200 || !body.success) throw new Error(`sync-mo -> ${res.status} ${JSON.stringify(body)}`);
    return body;
  };
  const plain = plainClient(`${sandbox.url}/odoo`);
  const since = () => new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 19).replace('T', ' ');

  // Warm both paths once (JIT, connection pools, the API's field detection).
  await plain.fetchAll(since());
  await sync();

  const lastTimings = async () => (await pool.query(`SELECT summary FROM sync_runs WHERE kind = 'odoo-mo' ORDER BY started_at DESC LIMIT 1`)).rows[0].summary.timingsMs;
  const fetchMs = [];
  const insertMs = [];
  const rerunMs = [];
  const insertWriteMs = [];
  const rerunWriteMs = [];
  let fetched = 0;
  let inserted = 0;
  let rerunUpdated = 0;
  const plainCpu = newCpu();
  const syncCpu = newCpu();
  for (let round = 0; round < ROUNDS; round += 1) {
    const f = await withCpu(plainCpu, () => time(() => plain.fetchAll(since())));
    fetchMs.push(f.ms);
    fetched = f.result;
    await pool.query('TRUNCATE odoo_mo_cache');
    const first = await withCpu(syncCpu, () => time(sync));
    insertMs.push(first.ms);
    insertWriteMs.push((await lastTimings()).write);
    inserted = first.result.totalUpdated;
    const again = await withCpu(syncCpu, () => time(sync));
    rerunMs.push(again.ms);
    rerunWriteMs.push((await lastTimings()).write);
    rerunUpdated = again.result.totalUpdated;
  }
  // Control: the same plain fetch with a lowest-priority busy loop beside it. It takes CPU only when a core would
  // otherwise idle, so what it adds is what a busy second core costs the fake Odoo on this machine, whoever keeps it
  // busy (during a sync: the API and PostgreSQL).
  const hog = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
  os.setPriority(hog.pid, 19);
  const busyMs = [];
  try {
    for (let round = 0; round < ROUNDS; round += 1) {
      hog.kill('SIGCONT');
      await new Promise((r) => setTimeout(r, 50));
      busyMs.push((await time(() => plain.fetchAll(since()))).ms);
      hog.kill('SIGSTOP');
      await new Promise((r) => setTimeout(r, 50));
      busyMs.push(-(await time(() => plain.fetchAll(since()))).ms);
    }
  } finally {
    hog.kill('SIGKILL');
  }
  const withHog = busyMs.filter((x) => x > 0);
  const without = busyMs.filter((x) => x < 0).map((x) => -x);
  const interference = median(withHog.map((x, k) => (x - without[k]) / without[k]));
  const { rows } = await pool.query('SELECT production_type, count(*)::int AS n FROM odoo_mo_cache GROUP BY 1 ORDER BY 1');
  const f = median(fetchMs);
  const pct = (x) => `${(x * 100).toFixed(1)} %`;
  // Per round: (sync − plain fetch) / plain fetch, and cache-write time / plain fetch; medians over the rounds.
  const wallInsert = median(insertMs.map((x, k) => (x - fetchMs[k]) / fetchMs[k]));
  const wallRerun = median(rerunMs.map((x, k) => (x - fetchMs[k]) / fetchMs[k]));
  const dbInsert = median(insertWriteMs.map((x, k) => x / fetchMs[k]));
  const dbRerun = median(rerunWriteMs.map((x, k) => x / fetchMs[k]));
  console.log(`cache: ${rows.map((x) => `${x.production_type} ${x.n}`).join(', ')}`);
  console.log(`plain client, same pages:          ${f.toFixed(0)} ms median (${fetched} MOs, ${ROUNDS} rounds)`);
  console.log(
    `API sync into an empty cache:      ${median(insertMs).toFixed(0)} ms median; wall-clock overhead ${pct(wallInsert)}, cache writes ${median(insertWriteMs)} ms = ${pct(dbInsert)} of the fetch (${inserted} inserted)`,
  );
  console.log(
    `API sync again (nothing changed):  ${median(rerunMs).toFixed(0)} ms median; wall-clock overhead ${pct(wallRerun)}, cache writes ${median(rerunWriteMs)} ms = ${pct(dbRerun)} of the fetch (${rerunUpdated} updated)`,
  );
  // Where the CPU goes, per run: the plain fetch has the sandbox and this client; the sync adds the API and PostgreSQL.
  const per = (cpu, runs) => Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, Math.round(v / runs)]));
  const p = per(plainCpu, ROUNDS);
  const q = per(syncCpu, 2 * ROUNDS);
  const cores = os.availableParallelism();
  const syncTotal = q.sandbox + q.api + q.postgres;
  console.log(`CPU per plain fetch:  sandbox ${p.sandbox} ms + client ${p.client} ms`);
  console.log(`CPU per API sync:     sandbox ${q.sandbox} ms + API ${q.api} ms + PostgreSQL ${q.postgres} ms = ${syncTotal} ms`);
  console.log(`  on ${cores} cores no sync can take less than ${Math.round(syncTotal / cores)} ms, i.e. ${pct(syncTotal / cores / f - 1)} over the plain fetch`);
  console.log(`control: the plain fetch with a nice-19 busy loop on the spare core: ${pct(interference)} (${median(withHog).toFixed(0)} ms against ${median(without).toFixed(0)} ms)`);
  console.log(`API peak RSS: ${await peakRssMb(app.pid)} MB`);
  // The wall-clock overhead is everything the API adds over the plain client (its HTTP, auth, settings, run history
  // and the cache writes, which overlap the next type's reads); the cache-write share is the database alone.
  const ok = LATENCY_MS === 0 && inserted === 3 * LIMIT && rerunUpdated === 0 && wallInsert < 0.3 && wallRerun < 0.3;
  if (LATENCY_MS > 0) console.log('goal not judged: latency was added');
  else console.log(ok ? 'goal met: overhead < 30 %' : 'goal NOT met: overhead ≥ 30 %');
  process.exitCode = ok ? 0 : 1;
} finally {
  await pool.end();
  await app.stop();
  await sandbox.stop();
}

#!/usr/bin/env node
// Cold start of `npm start`: from a machine where `npm ci` is done (no build outputs, no Nx cache, no data folder)
// to GET /api/health answering 200, embedded PostgreSQL initialisation included. Then a warm start for contrast.
// Usage: node bench/cold-start.mjs   (uses port 3950 and .data/bench-cold; leaves dist/ built afterwards)
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { root } from '../tools/nx.mjs';

const PORT = 3950;
const dataDir = path.join(root, '.data/bench-cold');

async function waitHealthy(child, deadlineMs) {
  const started = Date.now();
  while (Date.now() - started < deadlineMs) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${PORT}/api/health`);
      if (res.status === 200) return Date.now() - started;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('no healthy answer in time');
}

async function startOnce(label) {
  const t0 = Date.now();
  const child = spawn(process.execPath, [path.join(root, 'tools/start.mjs')], {
    cwd: root,
    env: { ...process.env, PORT: String(PORT), DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(PORT + 10000), DATABASE_URL: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitHealthy(child, 300_000);
  const ms = Date.now() - t0;
  console.log(`${label}: ${(ms / 1000).toFixed(1)} s to /api/health 200`);
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
  return ms;
}

rmSync(path.join(root, 'dist'), { recursive: true, force: true });
// The whole .nx folder: deleting only .nx/cache leaves Nx's task database pointing at files that are gone.
rmSync(path.join(root, '.nx'), { recursive: true, force: true });
rmSync(dataDir, { recursive: true, force: true });
await startOnce('cold start (build + initdb + migrate + seed)');
await startOnce('warm start (cached build, existing data)');
rmSync(dataDir, { recursive: true, force: true });

// Shared helpers for the benchmarks: run the built API on a throwaway embedded database and talk to it.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import pg from 'pg';
import { API_MAIN, buildApps, root } from '../tools/nx.mjs';

export async function startApi({ port, name, env = {} }) {
  buildApps(['api', 'web']);
  const dataDir = path.join(root, `.data/bench-${name}`);
  rmSync(dataDir, { recursive: true, force: true });
  const pgPort = port + 10000;
  const nodeArgs = ['--disable-proto=delete', ...(process.env.API_NODE_ARGS ? process.env.API_NODE_ARGS.split(' ') : [])];
  const child = spawn(process.execPath, [...nodeArgs, API_MAIN], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), DATABASE_URL: '', APP_SECRET: '', SEED_DEMO_DATA: 'true', LOG_LEVEL: 'warn', LOGIN_THROTTLE_LIMIT: '1000', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const started = Date.now();
  while (!/^Login: /m.test(out)) {
    if (child.exitCode !== null) throw new Error(`API exited: ${out}`);
    if (Date.now() - started > 120_000) throw new Error('API did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  const [, email, password] = /^Login: (\S+) \/ (\S+)$/m.exec(out);
  const url = `http://127.0.0.1:${port}`;
  const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  const token = (await login.json()).data.accessToken;
  return {
    url,
    token,
    pid: child.pid,
    dataDir,
    // The same Unix socket the API uses, so hand-written baselines compete on equal terms.
    databaseUrl: `postgres://postgres:postgres@localhost:${pgPort}/simpul?host=%2Ftmp`,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

export async function api(base, token, method, url, body) {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${url} -> ${res.status} ${JSON.stringify(json)}`);
  return json.data;
}

export function pgPool(databaseUrl) {
  return new pg.Pool({ connectionString: databaseUrl, max: 10 });
}

/** CPU time (user + system) a process has used so far, in ms (Linux /proc). */
export function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return 0; // the process has exited
  }
}

/** CPU time of an embedded PostgreSQL: its postmaster and every backend and worker it started. */
export function postgresCpuMs(dataDir) {
  const postmaster = Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  let total = cpuMs(postmaster);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      if (ppid === postmaster) total += cpuMs(entry);
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

const CLOCK_TICKS = 100; // USER_HZ on Linux

/** Peak resident set size of a process (Linux VmHWM), in MB. */
export async function peakRssMb(pid) {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

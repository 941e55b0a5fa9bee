import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, dropTestDatabase, urlFor } from './support/test-database';

const ROOT = path.resolve(__dirname, '../../..');

/**
 * `docker stop` sends SIGTERM to PID 1, and node as PID 1 has no default handler for it: a process that installs none
 * ignores it until the kill 10 s later. Each server runs here as PID 1 of its own PID namespace, as in a container.
 */
describe('SIGTERM as PID 1 (integration)', () => {
  const procs: ChildProcess[] = [];

  /** Runs a TypeScript entry point as PID 1 of a new PID namespace; resolves the inner process's host pid. */
  const asPid1 = (entry: string, project: string, env: Record<string, string>) => {
    const proc = spawn(
      'unshare',
      ['--pid', '--fork', '--kill-child', process.execPath, '-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', entry],
      { cwd: ROOT, env: { ...process.env, TS_NODE_PROJECT: project, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    procs.push(proc);
    let out = '';
    proc.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    proc.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
    const innerPid = () => {
      const children = readFileSync(`/proc/${proc.pid}/task/${proc.pid}/children`, 'utf8').trim();
      return Number(children.split(' ')[0]);
    };
    return { proc, exited, innerPid, output: () => out };
  };
  const within = <T>(p: Promise<T>, ms: number, what: string) =>
    Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms))]);
  const until = async (check: () => Promise<boolean> | boolean, what: string | (() => string), ms = 60_000) => {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  afterAll(() => {
    for (const p of procs) if (p.exitCode === null) p.kill('SIGKILL');
  });

  it('the sandbox stops on SIGTERM', async () => {
    const sandbox = asPid1('apps/sandbox/src/main.ts', 'apps/sandbox/tsconfig.app.json', { SANDBOX_PORT: '0' });
    await until(() => sandbox.output().includes('Sandbox (fake external systems) on'), 'the sandbox to listen');
    const inner = sandbox.innerPid();
    expect(readFileSync(`/proc/${inner}/status`, 'utf8')).toMatch(/^NSpid:\s+\d+\s+1$/m); // PID 1 inside
    process.kill(inner, 'SIGTERM');
    expect(await within(sandbox.exited, 5000, 'the sandbox exit')).toBe(0);
  });

  it('the API stops on SIGTERM while it waits in its migrations, and leaves nothing behind', async () => {
    const database = await createTestDatabase();
    const url = urlFor(database);
    const holder = new Client({ connectionString: url });
    const watcher = new Client({ connectionString: url });
    await holder.connect();
    await watcher.connect();
    try {
      // The migrations table locked: the API's migration step waits on it, as behind a slow migration.
      await holder.query('BEGIN; LOCK TABLE migrations IN ACCESS EXCLUSIVE MODE');
      const api = asPid1('apps/api/src/main.ts', 'apps/api/tsconfig.app.json', {
        DATABASE_URL: url,
        APP_SECRET: 'a'.repeat(64),
        PORT: '1',
        NODE_ENV: 'production',
        LOG_LEVEL: 'silent',
      });
      // Watched from its own session: inside the holder's transaction pg_stat_activity is a snapshot that never changes.
      await until(async () => {
        const { rows } = await watcher.query(`SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = $1`, [database]);
        return rows.length > 0;
      }, () => `the API to wait in its migrations; it printed: ${api.output()}`);
      process.kill(api.innerPid(), 'SIGTERM');
      expect(await within(api.exited, 5000, 'the API exit')).toBe(0);
      expect(api.output()).not.toContain('Simpul is running');
      await holder.query('ROLLBACK');
      // Its waiting backend ends once it is granted the lock and finds its client gone; the holder's stays.
      await until(async () => {
        const { rows } = await watcher.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [database]);
        return rows[0].n === 1;
      }, 'the API connection to end', 10_000);
      expect((await watcher.query(`SELECT count(*)::int AS n FROM migrations`)).rows[0].n).toBeGreaterThan(0); // untouched
    } finally {
      await holder.end();
      await watcher.end();
      await dropTestDatabase(database);
    }
  });
});

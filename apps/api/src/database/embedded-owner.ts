import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Who runs an embedded cluster, written into its folder when its server has started and removed when it stops.
 * A crash (kill -9, the OOM killer) leaves the file and an orphaned server behind; the next start reads both.
 */
export interface ClusterOwner {
  pid: number;
  /** The owner's start time (Linux), so that a pid the system reused is not taken for the owner. */
  since: string | null;
  /** Where that Simpul answers, for the sentence that refuses a second start; null for `db:*` and tests. */
  httpPort: number | null;
  pgPort: number;
}

export interface Postmaster {
  pid: number;
  port: number;
}

export type ClusterState =
  | { state: 'free' }
  | { state: 'in-use'; postmaster: Postmaster; owner: { pid: number; httpPort: number | null } }
  | { state: 'orphaned'; postmaster: Postmaster; formerOwner: number | null };

const OWNER_FILE = 'simpul-owner.json';

/** Is the embedded server of `clusterDir` running, and if so, is the process that started it still there? */
export function inspectCluster(clusterDir: string): ClusterState {
  const postmaster = runningPostmaster(clusterDir);
  if (!postmaster) return { state: 'free' };
  const recorded = readOwner(clusterDir);
  if (recorded) {
    return isOwnerAlive(recorded)
      ? { state: 'in-use', postmaster, owner: { pid: recorded.pid, httpPort: recorded.httpPort } }
      : { state: 'orphaned', postmaster, formerOwner: recorded.pid };
  }
  // No record (a server started by an older Simpul): its parent is the owner while that is a live node process.
  const parent = parentPid(postmaster.pid);
  if (parent !== null && parent > 1 && isAlive(parent) && /node/.test(commandLine(parent) ?? '')) {
    return { state: 'in-use', postmaster, owner: { pid: parent, httpPort: null } };
  }
  return { state: 'orphaned', postmaster, formerOwner: null };
}

export function refusalSentence(clusterDir: string, state: Extract<ClusterState, { state: 'in-use' }>): string {
  const where = state.owner.httpPort ? `, serving port ${state.owner.httpPort}` : '';
  return (
    `The embedded database in ${clusterDir} is in use by another Simpul (process ${state.owner.pid}${where}; ` +
    `its PostgreSQL is process ${state.postmaster.pid} on port ${state.postmaster.port}). ` +
    `Stop that one first (Ctrl+C in its terminal, or kill ${state.owner.pid}), or give this one its own DATA_DIR.`
  );
}

/**
 * Stops an orphaned server the way `pg_ctl stop -m fast` does (SIGINT): open transactions of the dead owner roll
 * back and the server shuts down cleanly, so the next start needs no recovery.
 */
export async function stopOrphan(postmaster: Postmaster, timeoutMs = 30_000): Promise<boolean> {
  try {
    process.kill(postmaster.pid, 'SIGINT');
  } catch {
    return true; // gone meanwhile
  }
  const deadline = Date.now() + timeoutMs;
  while (isAlive(postmaster.pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

export function writeOwner(clusterDir: string, owner: Omit<ClusterOwner, 'pid' | 'since'>): void {
  const record: ClusterOwner = { pid: process.pid, since: processStart(process.pid), ...owner };
  writeFileSync(path.join(clusterDir, OWNER_FILE), JSON.stringify(record) + '\n', { mode: 0o600 });
}

/** Removes the record if it is this process's (a refused second start must not remove the first one's). */
export function clearOwner(clusterDir: string): void {
  if (readOwner(clusterDir)?.pid === process.pid) rmSync(path.join(clusterDir, OWNER_FILE), { force: true });
}

/**
 * The server named by `postmaster.pid`, if that process is alive and is a PostgreSQL of this folder. A file left by
 * a crash (its process gone, or the pid reused after a reboot) is removed: the server would refuse to start over it.
 */
function runningPostmaster(clusterDir: string): Postmaster | null {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  const command = commandLine(pid);
  if (isAlive(pid) && (command === null || command.includes(path.resolve(clusterDir)))) return { pid, port };
  rmSync(pidFile, { force: true });
  return null;
}

function readOwner(clusterDir: string): ClusterOwner | null {
  try {
    const parsed = JSON.parse(readFileSync(path.join(clusterDir, OWNER_FILE), 'utf8')) as Partial<ClusterOwner>;
    return Number.isInteger(parsed.pid) ? (parsed as ClusterOwner) : null;
  } catch {
    return null;
  }
}

function isOwnerAlive(owner: ClusterOwner): boolean {
  if (owner.pid === process.pid || !isAlive(owner.pid)) return false;
  const since = processStart(owner.pid);
  return owner.since === null || since === null || since === owner.since;
}

/** Alive and not a zombie (an exited child nobody reaped still answers kill 0). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return procStat(pid)?.[0] !== 'Z';
}

/** Fields of /proc/<pid>/stat after the command name: [state, ppid, …]; null where there is no /proc. */
function procStat(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

function processStart(pid: number): string | null {
  return procStat(pid)?.[19] ?? null;
}

function parentPid(pid: number): number | null {
  const ppid = procStat(pid)?.[1];
  return ppid === undefined ? null : Number(ppid);
}

function commandLine(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    try {
      return execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' }).trim() || null;
    } catch {
      return null;
    }
  }
}

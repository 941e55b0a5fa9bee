import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');

export interface RunningApp {
  baseUrl: string;
  port: number;
  pgPort: number;
  dataDir: string;
  /** The `npm start` process (tools/start.mjs); the API is its child. */
  process: ChildProcess;
  login: { email: string; password: string };
  output: () => string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Start again on an earlier run's data folder and ports (kept as they are) instead of a fresh one. */
  reuse?: Pick<RunningApp, 'port' | 'pgPort' | 'dataDir'>;
  env?: Record<string, string>;
}

/**
 * Runs `npm start`'s own script (tools/start.mjs) on a throwaway data folder and port, and waits for the
 * `Login: <email> / <password>` line it prints, which is also how a newcomer learns the demo login.
 */
export async function startApp(opts: StartOptions = {}): Promise<RunningApp> {
  // Free ports, so two test runs on one machine never collide; one data folder per port for the same reason.
  const port = opts.reuse?.port ?? (await freePort());
  const pgPort = opts.reuse?.pgPort ?? (await freePort());
  const dataDir = opts.reuse?.dataDir ?? path.join(ROOT, `.data/e2e-${port}`);
  if (!opts.reuse) rmSync(dataDir, { recursive: true, force: true });
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'tools/start.mjs')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      SKIP_BUILD: 'true',
      PORT: String(port),
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      DATABASE_URL: '',
      APP_SECRET: '',
      LOG_LEVEL: 'warn',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));

  const login = await new Promise<{ email: string; password: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`App did not start in 90s. Output:\n${out}`)), 90_000);
    const check = () => {
      const m = /^Login: (\S+) \/ (\S+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ email: m[1] as string, password: m[2] as string });
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`App exited with ${code}. Output:\n${out}`));
    });
  });

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    pgPort,
    dataDir,
    process: child,
    login,
    output: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A port that was free a moment ago: the OS picks it, we release it and hand it to a child process. */
export function freePort(): Promise<number> {
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

/** The embedded database of a running app, reached as the API reaches it: its private socket and generated password. */
export function databaseUrl(app: Pick<RunningApp, 'dataDir' | 'pgPort'>): string {
  const cluster = path.join(app.dataDir, 'pg');
  const password = readFileSync(path.join(cluster, 'simpul-password'), 'utf8').trim();
  return `postgres://postgres:${password}@localhost:${app.pgPort}/simpul?host=${encodeURIComponent(cluster)}`;
}

/** The API process serving the app: the owner its embedded database records. */
export function apiPid(app: Pick<RunningApp, 'dataDir'>): number {
  return (JSON.parse(readFileSync(path.join(app.dataDir, 'pg', 'simpul-owner.json'), 'utf8')) as { pid: number }).pid;
}

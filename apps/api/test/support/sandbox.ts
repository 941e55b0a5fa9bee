import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');

export interface RunningSandbox {
  url: string;
  /** POST a JSON body to a sandbox path (control endpoints, fault switches). */
  control(method: 'POST' | 'DELETE' | 'GET', urlPath: string, body?: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

/**
 * Starts apps/sandbox as its own process, so the API reaches the fake systems over real HTTP exactly as it
 * reaches the real ones. The API tests may not import the sandbox's code (Nx boundaries), only talk to it.
 */
export async function startSandbox(port = 0, env: Record<string, string> = {}): Promise<RunningSandbox> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', path.join(ROOT, 'apps/sandbox/src/main.ts')],
    {
      cwd: ROOT,
      env: { ...process.env, TS_NODE_PROJECT: path.join(ROOT, 'apps/sandbox/tsconfig.app.json'), SANDBOX_PORT: String(port), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  // Port 0 (the default) lets the sandbox pick a free port, so test runs side by side never collide.
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sandbox did not start:\n${out}`)), 30_000);
    const check = () => {
      const m = /Sandbox .* on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1] as string);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sandbox exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    control: async (method, urlPath, body) => {
      const res = await fetch(`${url}${urlPath}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${urlPath} -> ${res.status} ${text}`);
      return text ? (JSON.parse(text) as unknown) : null;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

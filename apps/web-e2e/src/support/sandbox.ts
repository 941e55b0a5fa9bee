import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');

export interface RunningSandbox {
  /** Switches a fault on (`{ system: 'odoo', kind: 'latency', ms: 400 }`), or all off (no body). */
  faults(body?: unknown): Promise<Response>;
  stop(): Promise<void>;
}

/** The fake external systems (apps/sandbox) as their own process, reached over real HTTP as the API reaches them. */
export async function startSandbox(port: number): Promise<RunningSandbox> {
  const child: ChildProcess = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(ROOT, 'apps/sandbox/src/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, TS_NODE_PROJECT: path.join(ROOT, 'apps/sandbox/tsconfig.app.json'), SANDBOX_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sandbox did not start:\n${out}`)), 30_000);
    child.stdout?.on('data', () => {
      if (/Sandbox .* on http/.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sandbox exited with ${code}:\n${out}`));
    });
  });
  return {
    faults: (body?: unknown) =>
      fetch(`http://127.0.0.1:${port}/__sandbox/faults`, {
        method: body === undefined ? 'DELETE' : 'POST',
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

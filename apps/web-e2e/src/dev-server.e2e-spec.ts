import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { freePort } from './support/app-server';

const ROOT = path.resolve(__dirname, '../../..');

/**
 * `npm run dev` with every port taken from the environment: the API on PORT, the Vite dev server on WEB_DEV_PORT
 * proxying /api to that PORT (not to 3000), the sandbox on SANDBOX_PORT and the embedded database on EMBEDDED_PG_PORT.
 */
describe('npm run dev on ports from the environment', () => {
  let dev: ChildProcess | null = null;
  let dataDir = '';
  let out = '';

  afterAll(async () => {
    if (dev?.pid && dev.exitCode === null) {
      const exited = new Promise((resolve) => dev?.once('exit', resolve));
      process.kill(-dev.pid, 'SIGTERM'); // its process group: concurrently and the three servers it started
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 15_000)))]);
      clearTimeout(timer);
    }
    // The API stops its embedded server on SIGTERM; if it could not, do it here so nothing outlives the test.
    const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
    if (dataDir && existsSync(pidFile)) {
      try {
        process.kill(Number(readFileSync(pidFile, 'utf8').split('\n')[0]), 'SIGINT');
      } catch {
        // already gone
      }
      await new Promise((r) => setTimeout(r, 2000));
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the SPA and proxies /api to the API on PORT; the sandbox answers on SANDBOX_PORT', async () => {
    const [api, web, sandbox, pg] = [await freePort(), await freePort(), await freePort(), await freePort()];
    dataDir = path.join(ROOT, `.data/e2e-dev-${api}`);
    rmSync(dataDir, { recursive: true, force: true });
    dev = spawn(process.execPath, [path.join(ROOT, 'tools/dev.mjs')], {
      cwd: ROOT,
      detached: true,
      env: {
        ...process.env,
        NODE_ENV: '',
        PORT: String(api),
        WEB_DEV_PORT: String(web),
        SANDBOX_PORT: String(sandbox),
        EMBEDDED_PG_PORT: String(pg),
        DATA_DIR: dataDir,
        DATABASE_URL: '',
        APP_SECRET: '',
        LOG_LEVEL: 'warn',
        FORCE_COLOR: '0', // npm test sets 1; plain prefixes keep the lines matchable
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Without colour codes, whatever the terminal asked for.
    const plain = (d: Buffer) => stripVTControlCharacters(d.toString());
    dev.stdout?.on('data', (d: Buffer) => (out += plain(d)));
    dev.stderr?.on('data', (d: Buffer) => (out += plain(d)));

    const deadline = Date.now() + 110_000;
    let health = 0;
    // Up when the dev server proxies /api/health and the API's start lines have come through concurrently's prefix.
    while (health !== 200 || !/^\[api\] Login: /m.test(out)) {
      if (dev.exitCode !== null) throw new Error(`npm run dev exited with ${dev.exitCode}:\n${out}`);
      if (Date.now() > deadline) throw new Error(`the dev server never proxied /api/health:\n${out}`);
      health = await fetch(`http://127.0.0.1:${web}/api/health`).then(
        (r) => r.status,
        () => 0,
      );
      if (health !== 200 || !/^\[api\] Login: /m.test(out)) await new Promise((r) => setTimeout(r, 500));
    }
    const login = /^\[api\] Login: (\S+) \/ (\S+)$/m.exec(out);
    expect(login).not.toBeNull();
    const res = await fetch(`http://127.0.0.1:${web}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: login?.[1], password: login?.[2] }),
    });
    expect(res.status).toBe(200);
    const page = await fetch(`http://127.0.0.1:${web}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="app">');
    expect((await fetch(`http://127.0.0.1:${sandbox}/__sandbox`)).status).toBe(200);
    expect(out).toContain(`Simpul is running at http://localhost:${api}`);
  });
});

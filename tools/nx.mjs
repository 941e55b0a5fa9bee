import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const nxBin = require.resolve('nx/bin/nx.js');

/** Runs Nx in-process-free and without its daemon, so scripted runs leave nothing behind. */
export function runNx(args, opts = {}) {
  return spawnSync(process.execPath, [nxBin, ...args], {
    cwd: root,
    stdio: 'inherit',
    ...opts,
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', ...opts.env },
  });
}

export const API_MAIN = path.join(root, 'dist/apps/api/apps/api/src/main.js');
export const WEB_DIST = path.join(root, 'dist/apps/web');
const OUTPUTS = { api: API_MAIN, web: path.join(WEB_DIST, 'index.html') };

export function buildApps(projects = ['api', 'web']) {
  const build = (extra = []) => runNx(['run-many', '-t', 'build', `--projects=${projects.join(',')}`, '--outputStyle=static', ...extra]);
  let res = build();
  // A cache whose files were deleted by hand can report a hit without restoring anything; rebuild for real then.
  if (res.status === 0 && projects.some((p) => OUTPUTS[p] && !existsSync(OUTPUTS[p]))) res = build(['--skip-nx-cache']);
  if (res.status !== 0) {
    console.error('Build failed; see the output above.');
    process.exit(res.status ?? 1);
  }
}

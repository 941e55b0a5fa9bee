#!/usr/bin/env node
// `npm start`: build what changed (Nx caches the rest), then serve the API and the built SPA on one port.
// Without DATABASE_URL the API starts an embedded PostgreSQL under .data/ and seeds demo data.
import { spawn } from 'node:child_process';
import { API_MAIN, WEB_DIST, buildApps, root } from './nx.mjs';

if (process.env.SKIP_BUILD !== 'true') buildApps(['api', 'web']);

// Without Object.prototype.__proto__: defence in depth against prototype pollution (docs/security.md).
const child = spawn(process.execPath, ['--disable-proto=delete', '--enable-source-maps', API_MAIN], {
  cwd: root,
  stdio: 'inherit',
  env: {
    NODE_ENV: 'production',
    SEED_DEMO_DATA: 'true',
    WEB_DIST_DIR: WEB_DIST,
    ...process.env,
  },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

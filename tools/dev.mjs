#!/usr/bin/env node
// `npm run dev`: the API with watch, the Vite dev server (proxying /api to it) and the sandbox of fake systems.
import concurrently from 'concurrently';
import { root } from './nx.mjs';

// --disable-proto=delete as in production (docs/security.md).
const tsNode = 'node --disable-proto=delete --watch --enable-source-maps -r ts-node/register/transpile-only -r tsconfig-paths/register';
const { result } = concurrently(
  [
    {
      name: 'api',
      command: `${tsNode} apps/api/src/main.ts`,
      env: {
        TS_NODE_PROJECT: 'apps/api/tsconfig.app.json',
        SEED_DEMO_DATA: 'true',
        NODE_ENV: 'development',
        SWAGGER_ENABLED: 'true',
        // The sandbox's fake Odoo, until an admin saves a real connection (docs/odoo-mo.md).
        ODOO_DEFAULT_BASE_URL: `http://127.0.0.1:${process.env.SANDBOX_PORT ?? 4010}/odoo`,
        ODOO_DEFAULT_DB: 'mrpdemo',
        ODOO_DEFAULT_LOGIN: 'admin',
        ODOO_DEFAULT_API_KEY: 'sandbox-odoo-api-key',
      },
      prefixColor: 'blue',
    },
    { name: 'web', command: 'vite --config apps/web/vite.config.ts', prefixColor: 'green' },
    {
      name: 'sandbox',
      command: 'node --disable-proto=delete --watch -r ts-node/register/transpile-only apps/sandbox/src/main.ts',
      env: { TS_NODE_PROJECT: 'apps/sandbox/tsconfig.app.json' },
      prefixColor: 'magenta',
    },
  ],
  { cwd: root, killOthers: ['failure'], prefix: 'name' },
);
result.then(
  () => process.exit(0),
  () => process.exit(1),
);

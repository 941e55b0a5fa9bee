import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { createApp } from './app.factory';
import { explainStartupError } from './common/startup-error';
import { loadConfig } from './config/app-config';
import { validateEnv } from './config/env.schema';
import { createDataSource } from './database/data-source';
import { DatabaseRuntime, prepareDatabaseRuntime } from './database/runtime';
import { seedUsers } from './seed/demo-seed';

let runtime: DatabaseRuntime | null = null;
let app: INestApplication | null = null;
let stopping = false;

/**
 * Stops on SIGTERM/SIGINT at any point, migrations included: as PID 1 in a container node has no default handler,
 * so without this a `docker stop` during start-up waits for the kill. An unfinished migration rolls back.
 */
async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await app?.close().catch(() => undefined);
    await runtime?.embedded?.stop().catch(() => undefined);
  }
  process.exit(code);
}
process.once('SIGINT', () => void shutdown(0));
process.once('SIGTERM', () => void shutdown(0));

async function bootstrap(): Promise<void> {
  // Bad variables are refused before anything starts (the embedded server included).
  const port = validateEnv(process.env).PORT ?? 3000;
  runtime = await prepareDatabaseRuntime(process.env, { httpPort: port });
  const config = loadConfig(runtime.env);
  const ds = createDataSource(config.database.url);
  await ds.initialize();
  const applied = await ds.runMigrations({ transaction: 'each' });
  const { seed } = config;
  if (seed.demoData || seed.adminPassword) {
    await seedUsers(ds, { email: seed.demoAdminEmail, password: seed.adminPassword ?? seed.demoAdminPassword }, { demoUsers: seed.demoData });
  }
  await ds.destroy();

  app = await createApp(config);
  await app.listen(config.http.port, config.http.host);
  const url = `http://localhost:${config.http.port}`;
  const lines = [
    `Simpul is running at ${url}`,
    ...(config.swagger.enabled ? [`API docs: ${url}/api/docs`] : []),
    `Database: ${runtime.embedded ? 'embedded PostgreSQL under .data/' : 'DATABASE_URL'}; ${applied.length} migration(s) applied now`,
  ];
  // A deployment's own admin password is never printed; the demo's published one is, as the README says.
  if (seed.adminPassword) lines.push(`Admin: ${seed.demoAdminEmail} (first password: ADMIN_PASSWORD)`);
  else if (seed.demoData) lines.push(`Login: ${seed.demoAdminEmail} / ${seed.demoAdminPassword}`);
  process.stdout.write(lines.join('\n') + '\n');
}

void bootstrap().catch(async (err: unknown) => {
  if (stopping) return;
  console.error(explainStartupError(err));
  if (process.env['LOG_LEVEL'] === 'debug' && err instanceof Error && err.stack) console.error(err.stack);
  await shutdown(1);
});

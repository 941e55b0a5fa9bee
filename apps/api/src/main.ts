import 'reflect-metadata';
import { createApp } from './app.factory';
import { loadConfig } from './config/app-config';
import { createDataSource } from './database/data-source';
import { prepareDatabaseRuntime } from './database/runtime';
import { seedDemoData } from './seed/demo-seed';

async function bootstrap(): Promise<void> {
  const runtime = await prepareDatabaseRuntime(process.env);
  let config;
  try {
    config = loadConfig(runtime.env);
  } catch (err) {
    console.error((err as Error).message);
    await runtime.embedded?.stop();
    process.exit(1);
  }
  const ds = createDataSource(config.database.url);
  await ds.initialize();
  const applied = await ds.runMigrations({ transaction: 'each' });
  if (config.seed.demoData) {
    await seedDemoData(ds, { email: config.seed.demoAdminEmail, password: config.seed.demoAdminPassword });
  }
  await ds.destroy();

  const app = await createApp(config);
  await app.listen(config.http.port, config.http.host);
  const url = `http://localhost:${config.http.port}`;
  const lines = [
    `Simpul is running at ${url}`,
    `API docs: ${url}/api/docs`,
    `Database: ${runtime.embedded ? 'embedded PostgreSQL under .data/' : 'DATABASE_URL'}; ${applied.length} migration(s) applied now`,
  ];
  if (config.seed.demoData) lines.push(`Login: ${config.seed.demoAdminEmail} / ${config.seed.demoAdminPassword}`);
  process.stdout.write(lines.join('\n') + '\n');

  const shutdown = async () => {
    await app.close();
    await runtime.embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

void bootstrap().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});

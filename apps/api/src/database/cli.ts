import 'reflect-metadata';
import { explainStartupError } from '../common/startup-error';
import { loadConfig } from '../config/app-config';
import { createDataSource } from './data-source';
import { prepareDatabaseRuntime } from './runtime';
import { seedUsers } from '../seed/demo-seed';

/** `db:migrate`, `db:revert` and `db:reset` (drop everything, migrate, seed demo data). Uses the embedded DB without DATABASE_URL. */
async function main(command: string | undefined): Promise<void> {
  if (!command || !['migrate', 'revert', 'reset'].includes(command)) {
    throw new Error('Usage: cli.ts migrate | revert | reset');
  }
  const runtime = await prepareDatabaseRuntime(process.env, { httpPort: null });
  const config = loadConfig(runtime.env);
  const ds = createDataSource(config.database.url);
  try {
    await ds.initialize();
    if (command === 'revert') {
      await ds.undoLastMigration({ transaction: 'each' });
      console.log('Reverted the last migration.');
      return;
    }
    if (command === 'reset') {
      await ds.query('DROP SCHEMA public CASCADE');
      await ds.query('CREATE SCHEMA public');
      console.log('Dropped every table.');
    }
    const applied = await ds.runMigrations({ transaction: 'each' });
    console.log(`Applied ${applied.length} migration(s)${applied.map((m) => `\n  ${m.name}`).join('')}`);
    if (command === 'reset') {
      await seedUsers(ds, { email: config.seed.demoAdminEmail, password: config.seed.demoAdminPassword }, { demoUsers: true });
      console.log('Seeded demo data.');
    }
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await runtime.embedded?.stop();
  }
}

main(process.argv[2]).catch((err: unknown) => {
  console.error(explainStartupError(err));
  process.exit(1);
});

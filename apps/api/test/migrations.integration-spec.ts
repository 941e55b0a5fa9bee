import { createDataSource } from '../src/database/data-source';
import { MIGRATIONS } from '../src/database/migrations';
import { createTestDatabase, dropTestDatabase, urlFor } from './support/test-database';

/** Every migration can be undone, newest first, and applied again: a release can be rolled back. */
describe('migrations (integration)', () => {
  it('reverts every migration down to an empty schema and re-applies them all', async () => {
    const name = await createTestDatabase();
    const ds = createDataSource(urlFor(name));
    await ds.initialize();
    try {
      const tables = async () =>
        (
          (await ds.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY 1`)) as Array<{
            tablename: string;
          }>
        ).map((r) => r.tablename);
      const migrated = await tables();
      expect(migrated).toContain('odoo_mo_cache');
      for (let i = 0; i < MIGRATIONS.length; i += 1) await ds.undoLastMigration({ transaction: 'each' });
      expect(await tables()).toEqual([]);
      const applied = await ds.runMigrations({ transaction: 'each' });
      expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((M) => new M().name));
      expect(await tables()).toEqual(migrated);
    } finally {
      await ds.destroy();
      await dropTestDatabase(name);
    }
  });
});

import type { DataSource } from 'typeorm';
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

  it('keys the MO cache by Odoo database and record id, and back to one row per MO number', async () => {
    const name = await createTestDatabase();
    const ds = createDataSource(urlFor(name));
    await ds.initialize();
    try {
      await undoThrough(ds, 'OdooMoRecordIdentity1764500000000');
      await ds.query(`INSERT INTO settings (key, value) VALUES ('odoo.database', '"mrpdemo"')`);
      await ds.query(
        `INSERT INTO odoo_mo_cache (mo_number, odoo_id, production_type) VALUES ('WH/MO/00001', 1, 'liquid'), ('WH/MO/00002', NULL, 'device')`,
      );
      await ds.runMigrations({ transaction: 'each' });
      // The configured database, and no row without a record id (the next sync reads it again).
      expect(await ds.query(`SELECT odoo_db, odoo_id, mo_number, company, missing_since FROM odoo_mo_cache`)).toEqual([
        { odoo_db: 'mrpdemo', odoo_id: 1, mo_number: 'WH/MO/00001', company: null, missing_since: null },
      ]);
      // Another company's MO of the same number is its own row now.
      await ds.query(
        `INSERT INTO odoo_mo_cache (odoo_db, odoo_id, mo_number, production_type, company, missing_since) VALUES ('mrpdemo', 7, 'WH/MO/00001', 'device', 'B', now())`,
      );
      await undoThrough(ds, 'OdooMoRecordIdentity1764500000000');
      // Back to one row per number: the one Odoo still has.
      expect(await ds.query(`SELECT mo_number, odoo_id, production_type FROM odoo_mo_cache`)).toEqual([{ mo_number: 'WH/MO/00001', odoo_id: 1, production_type: 'liquid' }]);
      await ds.runMigrations({ transaction: 'each' });
    } finally {
      await ds.destroy();
      await dropTestDatabase(name);
    }
  });
});

/** Undoes migrations from the newest down to and including `name`, so later migrations never break the test. */
async function undoThrough(ds: DataSource, name: string): Promise<void> {
  const at = MIGRATIONS.findIndex((m) => new m().name === name);
  expect(at).toBeGreaterThanOrEqual(0);
  for (let i = MIGRATIONS.length - 1; i >= at; i--) await ds.undoLastMigration({ transaction: 'each' });
}

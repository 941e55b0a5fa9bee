import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The MO search sorts by `create_date DESC NULLS LAST, mo_number DESC`, which the old `create_date DESC` index (nulls
 * first) could not serve: every page sorted the whole cache. The new index matches the sort, so a page reads only its
 * rows. MO numbers are codes, so they compare byte by byte ("C"), which also makes every upsert's key lookups cheaper.
 */
export class OdooMoCacheOrder1764200000000 implements MigrationInterface {
  name = 'OdooMoCacheOrder1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX odoo_mo_cache_create_date_idx`);
    await q.query(`ALTER TABLE odoo_mo_cache ALTER COLUMN mo_number TYPE varchar(100) COLLATE "C"`);
    await q.query(`CREATE INDEX odoo_mo_cache_newest_idx ON odoo_mo_cache (create_date DESC NULLS LAST, mo_number DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX odoo_mo_cache_newest_idx`);
    await q.query(`ALTER TABLE odoo_mo_cache ALTER COLUMN mo_number TYPE varchar(100) COLLATE "default"`);
    await q.query(`CREATE INDEX odoo_mo_cache_create_date_idx ON odoo_mo_cache (create_date DESC)`);
  }
}

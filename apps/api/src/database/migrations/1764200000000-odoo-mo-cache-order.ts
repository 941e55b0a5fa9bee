import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The MO search sorts by `create_date DESC NULLS LAST, mo_number DESC`, which the old `create_date DESC` index (nulls
 * first) could not serve: every page sorted the whole cache. The new index matches the sort, so a page reads only its
 * rows. MO numbers are codes, so they compare byte by byte ("C"), which also makes every upsert's key lookups cheaper.
 *
 * Every sync rewrites each row it reads (`last_updated`). At fillfactor 70 a page had room for the new versions of
 * only about 40 % of its rows; the others moved to another page and updated all three indexes. At 50 every row's new
 * version fits beside the old one (a HOT update, no index work), and the next rewrite prunes the old one.
 *
 * `changed_at` is when a sync last found the MO different in Odoo (or first saw it); `last_updated` moves on every
 * sync. For MOs cached before, the only known time is when they were first seen.
 */
export class OdooMoCacheOrder1764200000000 implements MigrationInterface {
  name = 'OdooMoCacheOrder1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX odoo_mo_cache_create_date_idx`);
    await q.query(`ALTER TABLE odoo_mo_cache ALTER COLUMN mo_number TYPE varchar(100) COLLATE "C"`);
    await q.query(`CREATE INDEX odoo_mo_cache_newest_idx ON odoo_mo_cache (create_date DESC NULLS LAST, mo_number DESC)`);
    await q.query(`ALTER TABLE odoo_mo_cache SET (fillfactor = 50)`);
    await q.query(`ALTER TABLE odoo_mo_cache ADD COLUMN changed_at timestamptz`);
    await q.query(`UPDATE odoo_mo_cache SET changed_at = first_seen_at`);
    await q.query(`ALTER TABLE odoo_mo_cache ALTER COLUMN changed_at SET DEFAULT now(), ALTER COLUMN changed_at SET NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE odoo_mo_cache DROP COLUMN changed_at`);
    await q.query(`ALTER TABLE odoo_mo_cache SET (fillfactor = 70)`);
    await q.query(`DROP INDEX odoo_mo_cache_newest_idx`);
    await q.query(`ALTER TABLE odoo_mo_cache ALTER COLUMN mo_number TYPE varchar(100) COLLATE "default"`);
    await q.query(`CREATE INDEX odoo_mo_cache_create_date_idx ON odoo_mo_cache (create_date DESC)`);
  }
}

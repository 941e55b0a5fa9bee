import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The MO cache keyed by what identifies an MO in Odoo: its record id, within one Odoo database. The MO number is
 * unique per company only (two companies whose warehouses are both `WH` each have a `WH/MO/00005`), so keyed by
 * number the two merged or one was dropped.
 *
 * Rows get the configured database's name when one is saved; otherwise '' (unknown), which the next sync takes over
 * as the database it reads. Rows without a record id cannot be keyed: they are dropped, and the next sync reads them
 * again. Also the MO's company, and `missing_since`: when a sync first found the MO no longer in Odoo.
 */
export class OdooMoRecordIdentity1764500000000 implements MigrationInterface {
  name = 'OdooMoRecordIdentity1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE odoo_mo_cache ADD COLUMN odoo_db varchar(100) COLLATE "C"`);
    await q.query(`UPDATE odoo_mo_cache SET odoo_db = coalesce((SELECT value #>> '{}' FROM settings WHERE key = 'odoo.database'), '')`);
    await q.query(`DELETE FROM odoo_mo_cache WHERE odoo_id IS NULL`);
    await q.query(`ALTER TABLE odoo_mo_cache ALTER COLUMN odoo_db SET NOT NULL, ALTER COLUMN odoo_id SET NOT NULL`);
    await q.query(`ALTER TABLE odoo_mo_cache DROP CONSTRAINT odoo_mo_cache_pkey`);
    await q.query(`ALTER TABLE odoo_mo_cache ADD PRIMARY KEY (odoo_db, odoo_id)`);
    await q.query(`ALTER TABLE odoo_mo_cache ADD COLUMN company varchar(200), ADD COLUMN missing_since timestamptz`);
    // The search's sort, made total now that MO numbers repeat: newest first, then by record.
    await q.query(`DROP INDEX odoo_mo_cache_newest_idx`);
    await q.query(`CREATE INDEX odoo_mo_cache_newest_idx ON odoo_mo_cache (create_date DESC NULLS LAST, odoo_id DESC, odoo_db DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX odoo_mo_cache_newest_idx`);
    // One row per MO number again: the one Odoo still has, last seen by a sync.
    await q.query(`
      DELETE FROM odoo_mo_cache WHERE ctid IN (
        SELECT ctid FROM (
          SELECT ctid, row_number() OVER (PARTITION BY mo_number ORDER BY missing_since IS NOT NULL, last_updated DESC, odoo_id DESC) AS n
          FROM odoo_mo_cache) ranked
        WHERE n > 1)`);
    await q.query(`ALTER TABLE odoo_mo_cache DROP COLUMN company, DROP COLUMN missing_since`);
    await q.query(`ALTER TABLE odoo_mo_cache DROP CONSTRAINT odoo_mo_cache_pkey`);
    await q.query(`ALTER TABLE odoo_mo_cache ADD PRIMARY KEY (mo_number)`);
    await q.query(`ALTER TABLE odoo_mo_cache ALTER COLUMN odoo_id DROP NOT NULL, DROP COLUMN odoo_db`);
    await q.query(`CREATE INDEX odoo_mo_cache_newest_idx ON odoo_mo_cache (create_date DESC NULLS LAST, mo_number DESC)`);
  }
}

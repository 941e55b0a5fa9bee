import { MigrationInterface, QueryRunner } from 'typeorm';

/** The local cache of Odoo manufacturing orders, and the scheduled sync's failure streak (backoff and pausing). */
export class OdooMo1764100000000 implements MigrationInterface {
  name = 'OdooMo1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE odoo_mo_cache (
        mo_number varchar(100) PRIMARY KEY,
        odoo_id integer,
        production_type varchar(32) NOT NULL,
        sku_name text NOT NULL DEFAULT '',
        quantity numeric NOT NULL DEFAULT 0,
        uom varchar(100),
        note text,
        state varchar(32),
        scheduled_start timestamptz,
        create_date timestamptz,
        last_updated timestamptz NOT NULL DEFAULT now(),
        first_seen_at timestamptz NOT NULL DEFAULT now()
      ) WITH (fillfactor = 70)`);
    // Every sync rewrites each row it reads (last_updated); free space per page keeps those updates HOT (no index
    // maintenance) when no indexed column changed.
    await q.query(`CREATE INDEX odoo_mo_cache_type_state_idx ON odoo_mo_cache (production_type, state)`);
    await q.query(`CREATE INDEX odoo_mo_cache_create_date_idx ON odoo_mo_cache (create_date DESC)`);
    await q.query(`
      CREATE TABLE odoo_mo_sync_state (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        consecutive_failures integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        last_failure_at timestamptz,
        last_error text,
        paused_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`INSERT INTO odoo_mo_sync_state (id) VALUES (1)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE odoo_mo_sync_state`);
    await q.query(`DROP TABLE odoo_mo_cache`);
  }
}

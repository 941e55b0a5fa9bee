import { MigrationInterface, QueryRunner } from 'typeorm';

/** How far a running sync has got (per item, e.g. per production type), so a page can show it while it runs. */
export class SyncRunProgress1764300000000 implements MigrationInterface {
  name = 'SyncRunProgress1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sync_runs ADD COLUMN progress jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sync_runs DROP COLUMN progress`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/** The history every sync shares (runs and their per-item results), and in-app notifications. */
export class SyncRunsAndNotifications1764000000000 implements MigrationInterface {
  name = 'SyncRunsAndNotifications1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sync_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(32) NOT NULL,
        trigger varchar(16) NOT NULL CHECK (trigger IN ('manual','schedule','auto')),
        triggered_by uuid,
        status varchar(16) NOT NULL CHECK (status IN ('running','success','partial','failed')),
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        counts jsonb NOT NULL DEFAULT '{}'::jsonb,
        summary jsonb NOT NULL DEFAULT '{}'::jsonb,
        error text
      )`);
    await q.query(`CREATE INDEX sync_runs_kind_started_idx ON sync_runs (kind, started_at DESC)`);
    await q.query(`
      CREATE TABLE sync_run_items (
        id bigserial PRIMARY KEY,
        run_id uuid NOT NULL REFERENCES sync_runs(id) ON DELETE CASCADE,
        item_key varchar(200) NOT NULL,
        status varchar(32) NOT NULL,
        message text,
        details jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await q.query(`CREATE INDEX sync_run_items_run_status_idx ON sync_run_items (run_id, status, id)`);
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        type varchar(64) NOT NULL,
        title varchar(200) NOT NULL,
        body text,
        link varchar(500),
        data jsonb NOT NULL DEFAULT '{}'::jsonb,
        read_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC)`);
    await q.query(`CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP TABLE sync_run_items`);
    await q.query(`DROP TABLE sync_runs`);
  }
}

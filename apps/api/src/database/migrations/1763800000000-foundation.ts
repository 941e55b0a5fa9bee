import { MigrationInterface, QueryRunner } from 'typeorm';

/** Locations, users, refresh tokens and the append-only audit log. */
export class Foundation1763800000000 implements MigrationInterface {
  name = 'Foundation1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`
      CREATE TABLE locations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(32) NOT NULL UNIQUE,
        name varchar(120) NOT NULL,
        online_url varchar(500),
        is_local boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX locations_one_local ON locations (is_local) WHERE is_local`);
    // This server's own row: every local user belongs to it.
    await q.query(`INSERT INTO locations (code, name, is_local) VALUES ('LOCAL', 'This server', true)`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(254) NOT NULL CHECK (email = lower(email)),
        name varchar(120) NOT NULL,
        role varchar(16) NOT NULL CHECK (role IN ('admin','direktur','manager','spv','pic','staff')),
        password_hash varchar(100) NOT NULL,
        active boolean NOT NULL DEFAULT true,
        spv_id uuid REFERENCES users(id) ON DELETE SET NULL,
        manager_id uuid REFERENCES users(id) ON DELETE SET NULL,
        location_id uuid REFERENCES locations(id) ON DELETE RESTRICT,
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_email_location_unique UNIQUE NULLS NOT DISTINCT (email, location_id)
      )`);
    await q.query(`CREATE INDEX users_name_idx ON users (lower(name))`);
    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash char(64) NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        replaced_by_id uuid REFERENCES refresh_tokens(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);
    await q.query(`CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id)`);
    await q.query(`
      CREATE TABLE audit_logs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        action varchar(64) NOT NULL,
        resource_type varchar(64) NOT NULL,
        resource_id varchar(128),
        actor_id uuid,
        actor_email varchar(254),
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        request_id varchar(64),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX audit_logs_created_idx ON audit_logs (created_at DESC)`);
    await q.query(`CREATE INDEX audit_logs_resource_idx ON audit_logs (resource_type, resource_id)`);
    await q.query(`CREATE INDEX audit_logs_action_idx ON audit_logs (action)`);
    await q.query(`
      CREATE FUNCTION audit_logs_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_logs is append-only';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_logs_no_change BEFORE UPDATE OR DELETE ON audit_logs
      FOR EACH ROW EXECUTE FUNCTION audit_logs_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_logs`);
    await q.query(`DROP FUNCTION audit_logs_append_only`);
    await q.query(`DROP TABLE refresh_tokens`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE locations`);
  }
}

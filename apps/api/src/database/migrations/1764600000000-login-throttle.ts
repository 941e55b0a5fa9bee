import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Login throttling state, shared by every API instance: failed attempts per client address (a fixed window) and
 * the failure streak and next allowed attempt per login name (a progressive delay).
 */
export class LoginThrottle1764600000000 implements MigrationInterface {
  name = 'LoginThrottle1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_throttle (
        key text PRIMARY KEY,
        count integer NOT NULL CHECK (count >= 0),
        window_started_at timestamptz NOT NULL,
        blocked_until timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX login_throttle_updated_at ON login_throttle (updated_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_throttle`);
  }
}

import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const TEMPLATE_DB = 'simpul_test_template';

/** The maintenance connection (database `postgres`) the global setup exported. */
export function adminUrl(): string {
  const url = process.env['SIMPUL_TEST_ADMIN_URL'];
  if (!url) throw new Error('SIMPUL_TEST_ADMIN_URL is unset: run integration tests through jest.integration.config.ts');
  return url;
}

export function urlFor(database: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdminClient<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh database per test file, cloned from the migrated template in milliseconds. */
export async function createTestDatabase(): Promise<string> {
  const name = `simpul_t_${randomBytes(5).toString('hex')}`;
  await withAdminClient((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DB}"`));
  return name;
}

export async function dropTestDatabase(name: string): Promise<void> {
  await withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

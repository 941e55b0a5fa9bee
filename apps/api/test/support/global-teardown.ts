import { withAdminClient } from './test-database';

export default async function globalTeardown(): Promise<void> {
  // Databases left by crashed files would pile up in a reused cluster.
  await withAdminClient(async (c) => {
    const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'simpul_t_%'`);
    for (const r of rows) await c.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
  });
  await globalThis.__SIMPUL_TEST_PG__?.stop();
}

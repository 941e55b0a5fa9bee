import 'reflect-metadata';
import * as path from 'node:path';
import { createDataSource } from '../../src/database/data-source';
import { startEmbeddedPostgres } from '../../src/database/embedded';
import { TEMPLATE_DB, urlFor, withAdminClient } from './test-database';

declare global {
  var __SIMPUL_TEST_PG__: { stop(): Promise<void> } | undefined;
}

/** Starts one PostgreSQL for the run (or uses DATABASE_URL's server) and migrates a template database once. */
export default async function globalSetup(): Promise<void> {
  process.env['TZ'] = 'UTC';
  const external = process.env['DATABASE_URL'];
  if (external) {
    const url = new URL(external);
    url.pathname = '/postgres';
    process.env['SIMPUL_TEST_ADMIN_URL'] = url.toString();
  } else {
    const root = path.resolve(__dirname, '../../../..');
    const port = Number(process.env['TEST_PG_PORT'] ?? 54339);
    // One cluster per port, so two test runs on one machine (TEST_PG_PORT differs) never share files.
    const pg = await startEmbeddedPostgres({
      dataDir: path.join(root, `.data/test-pg-${port}`),
      port,
      database: 'postgres',
      unsafeFast: true,
    });
    globalThis.__SIMPUL_TEST_PG__ = pg;
    process.env['SIMPUL_TEST_ADMIN_URL'] = pg.url;
  }
  await withAdminClient(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DB}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${TEMPLATE_DB}"`);
  });
  const ds = createDataSource(urlFor(TEMPLATE_DB));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
}

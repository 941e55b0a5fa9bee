import { types } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import type { DatabasePool } from '../config/app-config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

// A DATE is a calendar day, not an instant: keep 'YYYY-MM-DD' instead of a local-midnight Date.
types.setTypeParser(types.builtins.DATE, (value: string) => value);

/**
 * One definition of the connection, used by the app, the CLI and the tests. Never synchronize. With `pool` (the app's
 * request pool) every statement gets a timeout and a connection is waited for at most `waitMs`; without it (migrations,
 * the CLI) neither applies.
 */
export function dataSourceOptions(url: string, pool?: DatabasePool): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    extra: pool
      ? { max: pool.size, connectionTimeoutMillis: pool.waitMs, statement_timeout: pool.statementTimeoutMs }
      : { max: 20 },
  };
}

export function createDataSource(url: string): DataSource {
  return new DataSource(dataSourceOptions(url));
}

import * as path from 'node:path';
import { EmbeddedDatabase, persistentSecret, startEmbeddedPostgres } from './embedded';

export interface DatabaseRuntime {
  env: Record<string, string | undefined>;
  embedded: EmbeddedDatabase | null;
}

/**
 * With DATABASE_URL set, uses it as is. Without it, starts the embedded PostgreSQL under DATA_DIR (default `.data/`)
 * and, unless APP_SECRET is set, keeps a generated one there. `httpPort` is where this process will serve, recorded
 * so that a second start on the same folder is refused with it (null for the `db:*` commands).
 */
export async function prepareDatabaseRuntime(
  env: Record<string, string | undefined>,
  opts: { httpPort: number | null; log?: (line: string) => void },
): Promise<DatabaseRuntime> {
  if (env['DATABASE_URL']) return { env, embedded: null };
  const dataDir = path.resolve(env['DATA_DIR'] ?? '.data');
  const port = Number(env['EMBEDDED_PG_PORT'] ?? 54329);
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, 'pg'),
    port,
    database: env['EMBEDDED_PG_DATABASE'] ?? 'simpul',
    httpPort: opts.httpPort,
    log: opts.log,
  });
  return {
    env: { ...env, DATABASE_URL: embedded.url, APP_SECRET: env['APP_SECRET'] || persistentSecret(dataDir) },
    embedded,
  };
}

import type { Pool, PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { BUSY_SENTENCE, DatabaseError, DatabaseErrorCode } from './database.error';

type ConnectCallback = (err: Error | undefined, client: PoolClient | undefined, release: (err?: Error | boolean) => void) => void;

/**
 * Bounds the pool's wait queue: when every connection is busy and `maxWaiting` callers already wait, the next one is
 * refused at once with DATABASE_BUSY (a 503 with Retry-After) instead of joining a queue without limit, where every
 * request grows slower until clients time out and memory runs out. The wait itself is bounded by the pool's
 * `connectionTimeoutMillis` (DB_POOL_WAIT_MS). The bound is in requests, not time, so that a burst of writes
 * contending for the same rows (which drains in a second or two) is served, not refused; the list bulkhead
 * (common/http/list-gate.ts) sheds the reads that cause sustained overload.
 */
export function boundPoolQueue(dataSource: DataSource, maxWaiting: number): void {
  const pool = (dataSource.driver as PostgresDriver).master as Pool & { options: { max: number } };
  const connect = pool.connect.bind(pool) as (cb?: ConnectCallback) => Promise<PoolClient> | undefined;
  const saturated = () => pool.idleCount === 0 && pool.totalCount >= pool.options.max && pool.waitingCount >= maxWaiting;
  const guarded = (cb?: ConnectCallback) => {
    if (!saturated()) return connect(cb);
    const err = new DatabaseError(DatabaseErrorCode.Busy, BUSY_SENTENCE);
    if (!cb) return Promise.reject(err);
    process.nextTick(() => cb(err, undefined, () => undefined));
    return undefined;
  };
  pool.connect = guarded as Pool['connect'];
}

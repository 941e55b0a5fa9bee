import { QueryFailedError } from 'typeorm';
import { defineDomainError } from '../common/errors/domain-error';

export enum DatabaseErrorCode {
  /** Every pooled connection is busy and the wait queue is full: answered at once, not queued. */
  Busy = 'DATABASE_BUSY',
  /** A request's statement ran past DB_STATEMENT_TIMEOUT_MS, or waited past DB_POOL_WAIT_MS for a connection. */
  Timeout = 'DATABASE_TIMEOUT',
}

/** Overload, answered as 503 with Retry-After: the client should try again shortly, nothing was changed. */
export const DatabaseError = defineDomainError<DatabaseErrorCode>('DatabaseError', {
  [DatabaseErrorCode.Busy]: 'unavailable',
  [DatabaseErrorCode.Timeout]: 'unavailable',
});
export type DatabaseError = InstanceType<typeof DatabaseError>;

export const BUSY_SENTENCE = 'The server is busy right now. Try again in a moment.';

/**
 * The database's overload signals as a DatabaseError (503), or null: DATABASE_BUSY itself, a statement cut by
 * statement_timeout (57014), or no pooled connection within DB_POOL_WAIT_MS (node-pg's message). Nothing was changed:
 * the statement's transaction rolled back.
 */
export function asDatabaseOverload(e: unknown): DatabaseError | null {
  if (e instanceof DatabaseError) return e;
  const timedOut =
    (e instanceof QueryFailedError && (e.driverError as { code?: string }).code === '57014') ||
    (e instanceof Error && e.message === 'timeout exceeded when trying to connect');
  return timedOut ? new DatabaseError(DatabaseErrorCode.Timeout, 'The server is too busy to answer this in time. Try again in a moment.') : null;
}

/** A start-up failure whose message is already a sentence that says what to do. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

interface SystemError {
  code?: string;
  errno?: number;
  syscall?: string;
  path?: string;
  address?: string;
  port?: number;
  message?: string;
}

/**
 * The sentence printed when the API cannot start: never a bare `undefined` or a stack alone. Known causes get their
 * remedy; anything else names the error and points at the log lines above it.
 */
export function explainStartupError(err: unknown): string {
  if (err instanceof StartupError) return err.message;
  const e = (typeof err === 'object' && err !== null ? err : {}) as SystemError;
  const message = err instanceof Error ? err.message : typeof err === 'string' ? err : '';
  switch (e.code) {
    case 'EADDRINUSE':
      return `${e.port ? `Port ${e.port}` : 'The port'} is already in use. Stop the program that uses it, or set PORT to another port.`;
    case 'EACCES':
    case 'EPERM':
      return e.path
        ? `Simpul may not write ${e.path}. Make that folder writable for this user, set DATA_DIR to a writable folder, or set DATABASE_URL to use an external PostgreSQL.`
        : `Permission denied (${message}). Run Simpul as a user who may do this, or choose a port above 1023 with PORT.`;
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
      return `Could not reach the database (${e.code}${e.address ? ` at ${e.address}${e.port ? `:${e.port}` : ''}` : ''}). Check that PostgreSQL is running and that DATABASE_URL names the right host and port.`;
    case '28P01':
    case '28000':
      return 'The database refused the login in DATABASE_URL. Check its user name and password.';
    case '3D000':
      return `${message}. Create that database first, or correct the database name in DATABASE_URL.`;
  }
  const detail = message || (err === undefined || err === null ? 'no reason was given' : String(err));
  return `Simpul did not start: ${detail}. Fix the cause named here or in the lines above, then start it again (LOG_LEVEL=debug also prints where it failed).`;
}

import { redactUrl } from '@/lib/env';

export interface DriverError {
  code: string;
  message?: string;
  /** The constraint a refused row broke: postgres.js calls it constraint_name, PGlite constraint. */
  constraint_name?: string;
  constraint?: string;
  cause?: unknown;
}

/**
 * The driver's own error inside whatever wraps it: the first error in the `cause` chain with a
 * driver's code (a SQLSTATE such as 23505, or the socket's ECONNREFUSED). drizzle wraps the errors of
 * postgres.js and PGlite, and callers may wrap them again, so the chain is followed to any depth.
 */
export function driverError(error: unknown): DriverError | undefined {
  const seen = new Set<unknown>();
  for (let current = error; current && typeof current === 'object' && !seen.has(current); current = (current as { cause?: unknown }).cause) {
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z_]+$/.test(code)) return current as DriverError;
  }
  return undefined;
}

/** One line that says what is wrong with the database connection and how to fix it. */
export function describeDatabaseError(error: unknown, target: { kind: 'pglite' | 'postgres'; url?: string; dataDir?: string }): string {
  const e = (error ?? {}) as { message?: string };
  const code = driverError(error)?.code;
  const where = target.kind === 'postgres' ? redactUrl(target.url ?? '') : `the embedded database in ${target.dataDir}`;
  switch (code) {
    case 'ECONNREFUSED':
      return `Cannot reach PostgreSQL at ${where}: connection refused. Is the server running and listening on that host and port?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Cannot reach PostgreSQL at ${where}: the host name does not resolve. Check the host in DATABASE_URL.`;
    case 'ETIMEDOUT':
    case 'CONNECT_TIMEOUT':
      return `Cannot reach PostgreSQL at ${where}: the connection timed out. Check the host, port and firewall.`;
    case '28P01':
    case '28000':
      return `PostgreSQL at ${where} refused the credentials: check the user name and password in DATABASE_URL.`;
    case '3D000':
      return `PostgreSQL at ${where} has no such database: create it (createdb) or fix the database name in DATABASE_URL.`;
    case '42501':
      return `The PostgreSQL user in ${where} lacks a permission the tracker needs (it must be able to create tables in its database).`;
    case 'EACCES':
    case 'EPERM':
      return `Cannot open ${where}: permission denied. Set DATA_DIR to a folder this user can write.`;
    default: {
      const message = (e.message ?? String(error)).split('\n')[0];
      return `Database error on ${where}: ${message}`;
    }
  }
}

import path from 'node:path';

// Every setting the app reads, validated in one place. Scripts and the server share it.
export interface AppEnv {
  databaseKind: 'pglite' | 'postgres';
  databaseUrl: string | undefined;
  dataDir: string;
  /** PGlite's own folder inside the data folder; the auth secret and the server lock sit beside it. */
  pgliteDir: string;
  authSecret: string | undefined;
  port: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function readEnv(source: NodeJS.ProcessEnv = process.env): AppEnv {
  const databaseUrl = nonEmpty(source.DATABASE_URL);
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError(
      'DATABASE_URL must start with postgres:// or postgresql:// (for example postgres://user:password@host:5432/agenda).',
    );
  }
  const portText = nonEmpty(source.PORT) ?? '3000';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number between 1 and 65535, not "${portText}".`);
  }
  const authSecret = nonEmpty(source.AUTH_SECRET);
  if (authSecret !== undefined && authSecret.length < 32) {
    throw new ConfigError('AUTH_SECRET must be at least 32 characters long (try: openssl rand -base64 33).');
  }
  const dataDir = path.resolve(/*turbopackIgnore: true*/ nonEmpty(source.DATA_DIR) ?? 'data');
  return {
    databaseKind: databaseUrl ? 'postgres' : 'pglite',
    databaseUrl,
    dataDir,
    pgliteDir: path.join(dataDir, 'pgdata'),
    authSecret,
    port,
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** The address of a database with its password hidden, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

import net from 'node:net';
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
  /** Which peers may tell the server who the client is (X-Forwarded-For, -Host, -Proto, X-Request-Id). */
  trustProxy: TrustProxy;
  logLevel: LogLevel;
  /** After SIGTERM, how long to keep accepting while /api/ready says 503, for a load balancer to notice. */
  shutdownDelayMs: number;
  /** E-mail: the SMTP server (smtp:// or smtps://, with user and password), or undefined for in-app only. */
  smtpUrl: string | undefined;
  /** The sender of every e-mail (`Agenda tracker <agenda@example.gov>`); required with SMTP_URL. */
  mailFrom: string | undefined;
  /** The public address links in e-mails point to (AUTH_URL), else http://localhost:PORT. */
  publicUrl: string;
}

/**
 * `none`: the connection's peer is the client. `hops`: that many proxies stand in front of every
 * instance. `ranges`: the proxies' addresses (single addresses or CIDR ranges).
 */
export type TrustProxy =
  | { kind: 'none' }
  | { kind: 'hops'; hops: number }
  | { kind: 'ranges'; ranges: { address: string; prefix: number; family: 'ipv4' | 'ipv6' }[] };

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

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
  const authUrl = nonEmpty(source.AUTH_URL);
  if (authUrl !== undefined && !/^https?:\/\/[^/]/.test(authUrl)) {
    throw new ConfigError(`AUTH_URL must be the app's public address, such as https://agenda.example.gov, not "${authUrl}".`);
  }
  const logLevel = (nonEmpty(source.LOG_LEVEL) ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${logLevel}".`);
  }
  const delayText = nonEmpty(source.SHUTDOWN_DELAY) ?? '0';
  if (!/^\d{1,2}$/.test(delayText) || Number(delayText) > 60) {
    throw new ConfigError(`SHUTDOWN_DELAY must be a whole number of seconds from 0 to 60, not "${delayText}".`);
  }
  const smtpUrl = nonEmpty(source.SMTP_URL);
  if (smtpUrl !== undefined && !/^smtps?:\/\/[^/\s]+/.test(smtpUrl)) {
    throw new ConfigError('SMTP_URL must be the mail server, such as smtp://user:password@mail.example.gov:587 (or smtps:// for port 465).');
  }
  const mailFrom = nonEmpty(source.MAIL_FROM);
  if (smtpUrl !== undefined && mailFrom === undefined) {
    throw new ConfigError('MAIL_FROM must be set with SMTP_URL: the sender of the e-mails, such as "Agenda tracker <agenda@example.gov>".');
  }
  if (mailFrom !== undefined && !/^([^<>]*<[^@<>\s]+@[^@<>\s]+>|[^@<>\s]+@[^@<>\s]+)$/.test(mailFrom)) {
    throw new ConfigError(`MAIL_FROM must be an address such as agenda@example.gov or "Agenda tracker <agenda@example.gov>", not "${mailFrom}".`);
  }
  const dataDir = path.resolve(/*turbopackIgnore: true*/ nonEmpty(source.DATA_DIR) ?? 'data');
  return {
    databaseKind: databaseUrl ? 'postgres' : 'pglite',
    databaseUrl,
    dataDir,
    pgliteDir: path.join(dataDir, 'pgdata'),
    authSecret,
    port,
    trustProxy: parseTrustProxy(nonEmpty(source.TRUST_PROXY)),
    logLevel: logLevel as LogLevel,
    shutdownDelayMs: Number(delayText) * 1000,
    smtpUrl,
    mailFrom,
    publicUrl: (authUrl ?? `http://localhost:${port}`).replace(/\/+$/, ''),
  };
}

const TRUST_PROXY_HELP =
  'TRUST_PROXY must be the number of proxies in front of the app (such as 1), or a comma-separated list of their addresses or CIDR ranges (such as 10.0.0.0/8,127.0.0.1), or unset when clients connect directly';

export function parseTrustProxy(value: string | undefined): TrustProxy {
  if (value === undefined || value === 'false' || value === '0') return { kind: 'none' };
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 32) throw new ConfigError(`${TRUST_PROXY_HELP}; ${hops} hops is more than any real set-up.`);
    return { kind: 'hops', hops };
  }
  const ranges = value.split(',').map((entry) => {
    const [address = '', prefixText, extra] = entry.trim().split('/');
    const version = net.isIP(address);
    const bits = version === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? bits : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
    if (version === 0 || extra !== undefined || !(prefix >= 0 && prefix <= bits)) {
      throw new ConfigError(`${TRUST_PROXY_HELP}; "${entry.trim()}" is neither.`);
    }
    return { address, prefix, family: version === 4 ? ('ipv4' as const) : ('ipv6' as const) };
  });
  return { kind: 'ranges', ranges };
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

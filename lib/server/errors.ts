import { driverError } from '@/db/errors';
import type { FieldMessages, Message } from '@/lib/domain/messages';

// Typed failures of the data-access layer, and the database's own refusals and outages turned into
// them. Entry points answer them through ./error-answers.ts; the fixed order of checks is: 401,
// 404, 403, 400/422, 409.
export type AppErrorCode =
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'bad_request'
  | 'invalid'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'too_many_requests'
  | 'unavailable';

const HTTP_STATUS: Record<AppErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  bad_request: 400,
  invalid: 422,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  unavailable: 503,
};

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: AppErrorCode,
    /** What went wrong as a whole, for the reader. */
    readonly summary: Message,
    /** What is wrong with each field, by its path ("readings.0.asOf"). */
    readonly fields: FieldMessages = {},
    /** For a conflict: the record as it is now. */
    readonly details?: unknown,
    /** Headers the answer carries (`Retry-After`, `WWW-Authenticate`). */
    readonly headers: Record<string, string> = {},
  ) {
    super(summary.key);
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Bad input: the field messages, under the usual summary. */
export function invalid(fields: FieldMessages): AppError {
  return new AppError('invalid', { key: 'problem.invalid' }, fields);
}

// Unique constraints whose refusal is a field's mistake, for the rare writer that slips between the
// check before an insert and the insert itself: the same message as that check gives.
const FIELD_OF_CONSTRAINT: Record<string, { field: string; message: Message }> = {
  users_email_lower_key: { field: 'email', message: { key: 'admin.errors.emailTaken' } },
  organisations_country_name_key: { field: 'name', message: { key: 'admin.errors.organisationTaken' } },
  commitments_agenda_reference_key: { field: 'reference', message: { key: 'validation.referenceTaken' } },
  sectors_slug_key: { field: 'slug', message: { key: 'admin.errors.slugTaken' } },
  agendas_slug_key: { field: 'slug', message: { key: 'admin.errors.slugTaken' } },
};

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'CONNECT_TIMEOUT']);

/** The SQLSTATE of a failed statement (or the connection error's code), however deep it is wrapped. */
export function databaseCode(error: unknown): string | undefined {
  return driverError(error)?.code;
}

/**
 * A database refusal or outage as an AppError: a row its constraints refuse (SQLSTATE classes 22 and
 * 23) was bad input, never a crash; a lost connection (class 08, or the socket's own codes) is
 * `unavailable`. Anything else is not the database's answer: undefined.
 */
export function fromDatabase(error: unknown): AppError | undefined {
  const found = driverError(error);
  if (!found) return undefined;
  const { code } = found;
  if (/^2[23][0-9A-Z]{3}$/.test(code)) {
    const constraint = String(found.constraint_name ?? found.constraint ?? '');
    const known = FIELD_OF_CONSTRAINT[constraint];
    if (known) return invalid({ [known.field]: [known.message] });
    return new AppError('invalid', { key: 'problem.databaseRefused' });
  }
  if (/^08[0-9A-Z]{3}$/.test(code) || CONNECTION_CODES.has(code)) return new AppError('unavailable', { key: 'problem.unavailable' });
  return undefined;
}

/** An AppError, or the database's refusal as one; undefined for a real failure. */
export function asAppError(error: unknown): AppError | undefined {
  return isAppError(error) ? error : fromDatabase(error);
}

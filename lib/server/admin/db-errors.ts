import 'server-only';
import { AppError } from '../errors';

/** The name of the unique constraint a failed statement broke, whichever driver and wrapper raised it. */
export function uniqueViolation(error: unknown): string | undefined {
  let current = error as { code?: unknown; constraint_name?: unknown; constraint?: unknown; cause?: unknown } | undefined;
  // drizzle wraps the driver's error in `cause`; postgres.js calls it constraint_name, PGlite constraint.
  for (let depth = 0; current && depth < 4; depth += 1) {
    if (current.code === '23505') return String(current.constraint_name ?? current.constraint ?? '');
    current = current.cause as typeof current;
  }
  return undefined;
}

/**
 * Turns the database's refusal of a duplicate into the same field error the check before the insert
 * gives, for the rare writer that slipped between that check and the insert.
 */
export function asFieldErrorIfDuplicate(error: unknown, fieldByConstraint: Record<string, [field: string, key: string]>): unknown {
  const constraint = uniqueViolation(error);
  const match = constraint === undefined ? undefined : fieldByConstraint[constraint];
  if (!match) return error;
  return new AppError('invalid', 'Some fields are not valid. Correct them and try again.', { [match[0]]: [match[1]] });
}

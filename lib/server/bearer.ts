import 'server-only';
import { countTokenRequest, findTokenBearer, noteTokenUse } from '@/db/queries/api-tokens';
import { isLocale } from '@/i18n/config';
import { noteRequestUser } from '@/lib/request-scope';
import { hashToken, looksLikeToken } from './api-tokens';
import { recordAudit } from './audit';
import { clientAddress, userAgentOf } from './client-address';
import { getDb } from './db';
import { AppError } from './errors';
import type { SignedInContext } from './guard';

/** Requests a token may make in one minute, counted in PostgreSQL so that it holds across instances. */
export const TOKEN_REQUESTS_PER_MINUTE = 600;

/** The token of an `Authorization: Bearer …` header; null when the request carries none (a browser). */
export function bearerTokenOf(headers: Headers): string | null {
  const header = headers.get('authorization');
  if (!header) return null;
  const match = /^Bearer[ \t]+(.*)$/i.exec(header.trim());
  return match ? match[1]!.trim() : null;
}

function refused(key: string): AppError {
  return new AppError('unauthenticated', { key }, {}, undefined, { 'www-authenticate': 'Bearer error="invalid_token"' });
}

/**
 * Who is asking with an API token: its owner, narrowed to the token's scope (the caller refuses
 * writes to a read token). Checked against the database on every request: an unknown, expired or
 * revoked token, or one of a disabled user, is refused (401) before anything else; then the request
 * is counted against the token's limit per minute (429 with Retry-After once it is spent).
 */
export async function bearerContext(headers: Headers, token: string): Promise<SignedInContext> {
  const db = await getDb();
  const row = looksLikeToken(token) ? await findTokenBearer({ db, tokenHash: hashToken(token) }) : undefined;
  if (!row) throw refused('problem.tokenInvalid');
  if (row.revoked) throw refused('problem.tokenRevoked');
  if (row.expired) throw refused('problem.tokenExpired');
  if (row.disabled) throw refused('problem.tokenOwnerDisabled');
  noteRequestUser(row.id);

  const { requests, secondsLeft } = await countTokenRequest({ db, tokenId: row.tokenId });
  if (requests > TOKEN_REQUESTS_PER_MINUTE) {
    const seconds = Math.max(1, Math.ceil(secondsLeft));
    throw new AppError(
      'too_many_requests', { key: 'problem.tokenRateLimited', values: { limit: TOKEN_REQUESTS_PER_MINUTE, seconds } }, {}, undefined,
      { 'retry-after': String(seconds) },
    );
  }

  const { tokenId, scope, usedToday, touchDue, expired: _e, revoked: _r, disabled: _d, locale, ...identity } = row;
  const sourceAddress = clientAddress(headers);
  const userAgent = userAgentOf(headers);
  if (!usedToday) {
    // The first use of the day is audited; later ones only move last_used_at.
    await db.transaction(async (tx) => {
      if (await noteTokenUse({ db: tx, tokenId, usedToday })) {
        await recordAudit(tx, {
          actor: { id: identity.id, label: identity.email }, action: 'api_token.used', entityType: 'api_token', entityId: tokenId, sourceAddress, userAgent,
        });
      }
    });
  } else if (touchDue) {
    await noteTokenUse({ db, tokenId, usedToday });
  }
  return { db, viewer: { ...identity, locale: isLocale(locale) ? locale : null, sessionId: null }, sourceAddress, userAgent, token: { id: tokenId, scope } };
}

import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import {
  findTokenById, insertToken, listAllTokens, listUserTokens, revokeToken as revokeTokenRow, type TokenOwnerRow, type TokenRow,
} from '@/db/queries/api-tokens';
import { tokenCreateSchema } from '@/lib/domain/inputs';
import { operatorOf } from './admin/operator';
import { recordAudit } from './audit';
import { isUuid } from './commitments';
import type { RequestContext } from './context';
import { AppError } from './errors';
import { authorize, type SignedInContext } from './guard';
import { parseInput, readInput, type InputSource } from './input';

// Personal access tokens: `agt_` and 43 characters of base64url (256 random bits). The prefix makes
// a leaked token recognisable to secret scanners; only its SHA-256 is stored, which suffices for a
// secret of that entropy (no salt or slow hash is needed, unlike a password).
const TOKEN_PREFIX = 'agt_';
const SHOWN_PREFIX_LENGTH = TOKEN_PREFIX.length + 6;

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function looksLikeToken(value: string): boolean {
  return /^agt_[A-Za-z0-9_-]{43}$/.test(value);
}

/** Token management needs a browser session: a token cannot make, list or revoke tokens. */
function authorizeSession(ctx: RequestContext, action: 'token.manage' | 'admin.tokens'): SignedInContext {
  const signedIn = authorize(ctx, action);
  if (signedIn.token) throw new AppError('forbidden', { key: 'problem.tokenNeedsSession' });
  return signedIn;
}

export interface CreatedToken {
  id: string;
  name: string;
  token: string;
  scope: TokenRow['scope'];
  expiresAt: string;
}

/** A new token for the signed-in user; the only moment its secret is known to anyone but its owner. */
export async function createToken(ctx: RequestContext, input: InputSource): Promise<CreatedToken> {
  const signedIn = authorizeSession(ctx, 'token.manage');
  const data = parseInput(tokenCreateSchema, await readInput(input));
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return signedIn.db.transaction(async (tx) => {
    const row = await insertToken({
      db: tx, userId: signedIn.viewer.id, name: data.name, scope: data.scope, tokenHash: hashToken(token),
      prefix: token.slice(0, SHOWN_PREFIX_LENGTH), expiresInDays: data.expiresInDays,
    });
    await recordAudit(tx, {
      ...operatorOf(signedIn), action: 'api_token.created', entityType: 'api_token', entityId: row.id,
      after: { name: row.name, scope: row.scope, prefix: row.prefix, expiresAt: row.expiresAt },
    });
    return { id: row.id, name: row.name, token, scope: row.scope, expiresAt: row.expiresAt };
  });
}

export async function listOwnTokens(ctx: RequestContext): Promise<TokenRow[]> {
  const { db, viewer } = authorizeSession(ctx, 'token.manage');
  return listUserTokens({ db, userId: viewer.id });
}

export async function listTokensForAdmin(ctx: RequestContext): Promise<TokenOwnerRow[]> {
  const { db } = authorizeSession(ctx, 'admin.tokens');
  return listAllTokens({ db });
}

/** Revokes a token: its owner's own, or anyone's for an administrator. Revoking twice changes nothing. */
export async function revokeToken(ctx: RequestContext, id: string): Promise<{ id: string; name: string; ownerName: string; revokedAt: string }> {
  const signedIn = authorizeSession(ctx, 'token.manage');
  const { db, viewer } = signedIn;
  const found = isUuid(id) ? await findTokenById({ db, id }) : undefined;
  if (!found) throw new AppError('not_found', { key: 'problem.noToken' });
  if (found.userId !== viewer.id) authorizeSession(ctx, 'admin.tokens');
  return db.transaction(async (tx) => {
    if (await revokeTokenRow({ db: tx, id, revokedBy: viewer.id })) {
      await recordAudit(tx, {
        ...operatorOf(signedIn), action: 'api_token.revoked', entityType: 'api_token', entityId: id,
        before: { name: found.name, owner: found.ownerEmail, scope: found.scope },
      });
    }
    const after = (await findTokenById({ db: tx, id }))!;
    return { id, name: after.name, ownerName: after.ownerName, revokedAt: after.revokedAt! };
  });
}

import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Role } from '@/lib/domain/roles';
import type { Database } from '../connect';
import { selectRows } from '../rows';
import { apiTokens } from '../schema';

export type TokenScope = 'read' | 'read-write';

/** A token as its owner and the administrators see it: never its hash. */
export interface TokenRow {
  id: string;
  name: string;
  scope: TokenScope;
  prefix: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface TokenOwnerRow extends TokenRow {
  userId: string;
  ownerName: string;
  ownerEmail: string;
}

const TOKEN_COLUMNS = sql`t.id, t.name, t.scope, t.prefix, t.created_at as "createdAt", t.expires_at as "expiresAt",
  t.last_used_at as "lastUsedAt", t.revoked_at as "revokedAt"`;

export async function insertToken({
  db, userId, name, scope, tokenHash, prefix, expiresInDays,
}: { db: Database; userId: string; name: string; scope: TokenScope; tokenHash: string; prefix: string; expiresInDays: number }): Promise<TokenRow> {
  const [row] = await selectRows<TokenRow>(
    db,
    sql`insert into api_tokens as t (user_id, name, scope, token_hash, prefix, expires_at)
        values (${userId}, ${name}, ${scope}, ${tokenHash}, ${prefix}, now() + make_interval(days => ${expiresInDays}))
        returning ${TOKEN_COLUMNS}`,
  );
  return row!;
}

/** The user's tokens, newest first, revoked and expired ones included. */
export function listUserTokens({ db, userId }: { db: Database; userId: string }): Promise<TokenRow[]> {
  return selectRows<TokenRow>(db, sql`select ${TOKEN_COLUMNS} from api_tokens t where t.user_id = ${userId} order by t.created_at desc, t.id`);
}

/** Every token with its owner, the live ones first: the administrators' list. */
export function listAllTokens({ db }: { db: Database }): Promise<TokenOwnerRow[]> {
  return selectRows<TokenOwnerRow>(
    db,
    sql`select ${TOKEN_COLUMNS}, u.id as "userId", u.name as "ownerName", u.email as "ownerEmail"
          from api_tokens t join users u on u.id = t.user_id
         order by (t.revoked_at is null and t.expires_at > now()) desc, t.created_at desc, t.id
         limit 1000`,
  );
}

export async function findTokenById({ db, id }: { db: Database; id: string }): Promise<TokenOwnerRow | undefined> {
  const [row] = await selectRows<TokenOwnerRow>(
    db,
    sql`select ${TOKEN_COLUMNS}, u.id as "userId", u.name as "ownerName", u.email as "ownerEmail"
          from api_tokens t join users u on u.id = t.user_id where t.id = ${id}`,
  );
  return row;
}

/** Marks a live token revoked; false when it was revoked already. */
export async function revokeToken({ db, id, revokedBy }: { db: Database; id: string; revokedBy: string }): Promise<boolean> {
  const ended = await db
    .update(apiTokens)
    .set({ revokedAt: sql`now()`, revokedBy })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return ended.length > 0;
}

export interface TokenBearerRow {
  tokenId: string;
  scope: TokenScope;
  expired: boolean;
  revoked: boolean;
  /** The owner is disabled: the token stops with them. */
  disabled: boolean;
  usedToday: boolean;
  touchDue: boolean;
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string | null;
  organisationName: string | null;
  organisationCountry: string | null;
  locale: string | null;
}

/** The token with this hash and its owner, with what the caller must refuse it for. */
export async function findTokenBearer({ db, tokenHash }: { db: Database; tokenHash: string }): Promise<TokenBearerRow | undefined> {
  const [row] = await selectRows<TokenBearerRow>(
    db,
    sql`select t.id as "tokenId", t.scope, t.expires_at <= now() as expired, t.revoked_at is not null as revoked,
               u.disabled_at is not null as disabled,
               t.last_used_on is not distinct from (now() at time zone 'UTC')::date as "usedToday",
               t.last_used_at is null or t.last_used_at < now() - interval '1 minute' as "touchDue",
               u.id, u.email, u.name, u.role, u.organisation_id as "organisationId", o.name as "organisationName",
               o.country as "organisationCountry", u.locale
          from api_tokens t
          join users u on u.id = t.user_id
          left join organisations o on o.id = u.organisation_id
         where t.token_hash = ${tokenHash}`,
  );
  return row;
}

/**
 * Records a use: the first of the UTC day returns true (exactly once, whatever runs at the same
 * moment: the condition is rechecked on the row); within a day last_used_at moves at most once a minute.
 */
export async function noteTokenUse({ db, tokenId, usedToday }: { db: Database; tokenId: string; usedToday: boolean }): Promise<boolean> {
  if (!usedToday) {
    const first = await db
      .update(apiTokens)
      .set({ lastUsedAt: sql`now()`, lastUsedOn: sql`(now() at time zone 'UTC')::date` })
      .where(and(eq(apiTokens.id, tokenId), sql`${apiTokens.lastUsedOn} is distinct from (now() at time zone 'UTC')::date`))
      .returning({ id: apiTokens.id });
    if (first.length > 0) return true;
  }
  await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, tokenId));
  return false;
}

/**
 * Counts one request in the token's current minute and answers the count so far and the seconds
 * until the window ends. One upsert, atomic across instances; a new window clears the old ones.
 */
export async function countTokenRequest({ db, tokenId }: { db: Database; tokenId: string }): Promise<{ requests: number; secondsLeft: number }> {
  const [row] = await selectRows<{ requests: number; secondsLeft: number }>(
    db,
    sql`insert into api_token_requests as r (token_id, window_start, requests)
        values (${tokenId}, date_trunc('minute', now()), 1)
        on conflict (token_id, window_start) do update set requests = r.requests + 1
        returning r.requests, extract(epoch from (r.window_start + interval '1 minute' - now()))::float8 as "secondsLeft"`,
  );
  if (row!.requests === 1) {
    await db.execute(sql`delete from api_token_requests where token_id = ${tokenId} and window_start < date_trunc('minute', now())`);
  }
  return { requests: Number(row!.requests), secondsLeft: Number(row!.secondsLeft) };
}

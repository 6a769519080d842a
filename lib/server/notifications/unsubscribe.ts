import 'server-only';
import { sql } from 'drizzle-orm';
import { upsertPreferences } from '@/db/queries/notifications';
import type { Database } from '@/db/connect';
import type { NotificationKind } from '@/lib/domain/notification-kinds';
import { recordAudit } from '../audit';
import { readUnsubscribeToken } from './unsubscribe-token';

export type UnsubscribeResult = { ok: true; kind: NotificationKind } | { ok: false };

/** What a link names, without acting on it (the page shows it before the click). */
export function peekUnsubscribe(token: string, secret: string) {
  return readUnsubscribeToken(token, secret);
}

/**
 * Turns off e-mail of one kind for the person a signed link names. Each link works once: its
 * signature is recorded in the same transaction, and a second use (or a forged link) changes nothing.
 */
export async function unsubscribe(db: Database, token: string, secret: string, source: { address: string; userAgent: string | null }): Promise<UnsubscribeResult> {
  const read = readUnsubscribeToken(token, secret);
  if (!read) return { ok: false };
  return db.transaction(async (tx) => {
    const used = await tx.execute(sql`insert into used_unsubscribe_links (signature) values (${read.signature}) on conflict do nothing returning signature`);
    const rows = Array.isArray(used) ? used : ((used as { rows?: unknown[] }).rows ?? []);
    if (!rows.length) return { ok: false } as const;
    const exists = await tx.execute(sql`select 1 from users where id = ${read.userId}`);
    if (!(Array.isArray(exists) ? exists : ((exists as { rows?: unknown[] }).rows ?? [])).length) return { ok: false } as const;
    await upsertPreferences({ db: tx, userId: read.userId, modes: { [read.kind]: 'off' } });
    await recordAudit(tx, {
      actor: { id: read.userId, label: 'unsubscribe link' }, action: 'notification_preferences.unsubscribed', entityType: 'user', entityId: read.userId,
      after: { [read.kind]: 'off' }, sourceAddress: source.address, userAgent: source.userAgent,
    });
    return { ok: true, kind: read.kind } as const;
  });
}

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as watchRoute from '../../app/api/v1/commitments/[id]/watch/route';
import * as commentsRoute from '../../app/api/v1/commitments/[id]/comments/route';
import * as updatesRoute from '../../app/api/v1/commitments/[id]/updates/route';
import * as resolveRoute from '../../app/api/v1/comments/[id]/resolve/route';
import * as preferencesRoute from '../../app/api/v1/me/preferences/route';
import * as readRoute from '../../app/api/v1/notifications/read/route';
import * as listRoute from '../../app/api/v1/notifications/route';
import * as confirmationRoute from '../../app/api/v1/updates/[id]/confirmation/route';
import type { DatabaseHandle } from '../../db/connect';
import { selectRows } from '../../db/rows';
import { notifyOnCommitment } from '../../lib/server/notifications/produce';
import { purgeOldNotifications, runReminders, runWeeklyDigest } from '../../lib/server/notifications/scheduled';
import { call, commitmentId, recordExchanges } from '../support/api';
import { sessionCookieFor, useDatabase } from '../support/app';
import { documentChecker, type Exchange } from '../support/openapi';
import { openSeeded, testEngines } from '../support/seeded';

// Who is told what, through the real entry points, on both engines: every kind and every role.
describe.each(testEngines())('notifications on $name', (engine) => {
  let handle: DatabaseHandle;
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let corridors: string; // ISB-06: led by the staff user's ministry (KZ) and staff.pk's (PK)
  let exchanges: Exchange[]; // every answer of the routes below, checked against the OpenAPI document at the end

  /** Every notification since the mark, as "who:kind", sorted. */
  async function toldSince(mark: Date) {
    const rows = await selectRows<{ who: string; kind: string }>(
      handle.db,
      sql`select split_part(u.email, '@', 1) as who, n.kind from notifications n join users u on u.id = n.user_id
           where n.created_at >= ${mark} order by 1, 2`,
    );
    return rows.map((r) => `${r.who}:${r.kind}`).sort();
  }
  const now = async () => (await selectRows<{ t: Date }>(handle.db, sql`select clock_timestamp() as t`))[0]!.t;

  beforeAll(async () => {
    exchanges = recordExchanges();
    handle = await openSeeded(engine);
    useDatabase(handle);
    await handle.db.execute(sql`insert into users (email, name, role, organisation_id, password_hash, disabled_at, is_demo)
      select 'staff.gone@agenda.test', 'Disabled KZ staff', 'staff', organisation_id, password_hash, now(), true from users where email = 'staff@agenda.test'`);
    await handle.db.execute(sql`insert into users (email, name, role, organisation_id, password_hash, is_demo)
      select 'staff.kz2@agenda.test', 'Second KZ staff', 'staff', organisation_id, password_hash, true from users where email = 'staff@agenda.test'`);
    const logins: Record<string, string> = {
      staff: 'staff@agenda.test', pk: 'staff.pk@agenda.test', official: 'official@agenda.test', reviewer: 'reviewer@agenda.test', admin: 'admin@agenda.test',
    };
    for (const [who, email] of Object.entries(logins)) cookies[who] = await sessionCookieFor(handle, email);
    for (const row of await selectRows<{ id: string; who: string }>(handle.db, sql`select id, split_part(email, '@', 1) as who from users`)) ids[row.who] = row.id;
    corridors = await commitmentId(handle, 'ISB-06');
    // Only the people these tests make: the seeded rows hold none.
    await handle.db.execute(sql`delete from notifications`);
  });
  afterAll(() => handle.close());

  it('tells the other side of a claim, the own side of an update, and watchers; never the author or the disabled', async () => {
    expect((await call(watchRoute.PUT, 'PUT', `/api/v1/commitments/${corridors}/watch`, { cookie: cookies.official, params: { id: corridors } })).status).toBe(200);
    const mark = await now();
    const posted = await call(updatesRoute.POST, 'POST', `/api/v1/commitments/${corridors}/updates`, {
      cookie: cookies.staff, params: { id: corridors }, body: { stage: 'in_progress', health: 'off_track', narrative: 'Customs data exchange slipped a month.' },
    });
    expect(posted.status).toBe(201);
    expect(posted.json.confirmation).toBe('awaiting');
    expect(await toldSince(mark)).toEqual(['official:watched_activity', 'staff.kz2:update_posted', 'staff.pk:confirmation_requested']);
    // An update that claims nothing is news to both leads, but asks nobody to decide.
    const mark2 = await now();
    await call(updatesRoute.POST, 'POST', `/api/v1/commitments/${corridors}/updates`, {
      cookie: cookies.pk, params: { id: corridors }, body: { stage: 'in_progress', health: 'off_track', narrative: 'Minutes attached.' },
    });
    expect(await toldSince(mark2)).toEqual(['official:watched_activity', 'staff.kz2:update_posted', 'staff:update_posted']);

    // The decision goes to the update's author.
    const mark3 = await now();
    const decided = await call(confirmationRoute.POST, 'POST', `/api/v1/updates/${posted.json.id}/confirmation`, {
      cookie: cookies.pk, params: { id: posted.json.id }, body: { decision: 'dispute', note: 'Our customs service reports the exchange running already.' },
    });
    expect(decided.status).toBe(200);
    expect(await toldSince(mark3)).toEqual(['staff:update_decided']);
  });

  it('tells thread participants of replies and resolutions, the leads of comments, and links the exact comment', async () => {
    const mark = await now();
    const opened = await call(commentsRoute.POST, 'POST', `/api/v1/commitments/${corridors}/comments`, {
      cookie: cookies.reviewer, params: { id: corridors }, body: { body: 'Which border posts are in the pilot?' },
    });
    expect(opened.status).toBe(201);
    expect(await toldSince(mark)).toEqual(['official:watched_activity', 'staff.kz2:comment_posted', 'staff.pk:comment_posted', 'staff:comment_posted']);

    const mark2 = await now();
    const reply = await call(commentsRoute.POST, 'POST', `/api/v1/commitments/${corridors}/comments`, {
      cookie: cookies.staff, params: { id: corridors }, body: { body: 'Khorgos and Torugart first.', parentId: opened.json.id },
    });
    expect(await toldSince(mark2)).toEqual(['official:watched_activity', 'reviewer:thread_reply', 'staff.kz2:comment_posted', 'staff.pk:comment_posted']);
    const list = await call(listRoute.GET, 'GET', '/api/v1/notifications?unread=1', { cookie: cookies.reviewer });
    expect(list.status).toBe(200);
    expect(list.json.items[0]).toMatchObject({ kind: 'thread_reply', commentId: reply.json.id, commitmentId: corridors, commitmentReference: 'ISB-06' });

    const mark3 = await now();
    expect((await call(resolveRoute.POST, 'POST', `/api/v1/comments/${reply.json.id}/resolve`, { cookie: cookies.admin, params: { id: reply.json.id }, body: {} })).status).toBe(200);
    expect(await toldSince(mark3)).toEqual(['reviewer:thread_resolution', 'staff:thread_resolution']);
  });

  it('lists, counts and marks read only the caller’s own notifications', async () => {
    const before = await call(listRoute.GET, 'GET', '/api/v1/notifications', { cookie: cookies.staff });
    expect(before.json.unread).toBeGreaterThan(0);
    const [first] = before.json.items;
    const others = await call(readRoute.POST, 'POST', '/api/v1/notifications/read', { cookie: cookies.pk, body: { ids: [first.id] } });
    expect(others.json.marked).toBe(0);
    const one = await call(readRoute.POST, 'POST', '/api/v1/notifications/read', { cookie: cookies.staff, body: { ids: [first.id] } });
    expect(one.json).toEqual({ marked: 1, unread: before.json.unread - 1 });
    const all = await call(readRoute.POST, 'POST', '/api/v1/notifications/read', { cookie: cookies.staff, body: { all: true } });
    expect(all.json.unread).toBe(0);
    expect((await call(listRoute.GET, 'GET', '/api/v1/notifications?unread=1', { cookie: cookies.staff })).json.items).toEqual([]);
    expect((await call(readRoute.POST, 'POST', '/api/v1/notifications/read', { cookie: cookies.staff, body: { all: false } })).status).toBe(422);
    expect((await call(readRoute.POST, 'POST', '/api/v1/notifications/read', { cookie: cookies.staff, body: { ids: ['nope'] } })).status).toBe(422);
    expect((await call(listRoute.GET, 'GET', '/api/v1/notifications')).status).toBe(401);
    // An unreadable page is the first one, not a refusal.
    const paged = await call(listRoute.GET, 'GET', '/api/v1/notifications?page=x&unread=0', { cookie: cookies.staff });
    expect(paged.json).toMatchObject({ page: 1, pageSize: 25, total: before.json.total, unread: 0 });
  });

  it('keeps preferences per kind, with the defaults, and stops watching', async () => {
    const read = await call(preferencesRoute.GET, 'GET', '/api/v1/me/preferences', { cookie: cookies.reviewer });
    expect(read.json.notifications).toMatchObject({ thread_reply: 'now', confirmation_requested: 'now', comment_posted: 'daily', watched_activity: 'daily' });
    const put = await call(preferencesRoute.PUT, 'PUT', '/api/v1/me/preferences', { cookie: cookies.reviewer, body: { notifications: { thread_reply: 'off' } } });
    expect(put.json.notifications.thread_reply).toBe('off');
    expect((await call(preferencesRoute.PUT, 'PUT', '/api/v1/me/preferences', { cookie: cookies.reviewer, body: { notifications: { thread_reply: 'hourly' } } })).status).toBe(422);
    expect((await call(watchRoute.DELETE, 'DELETE', `/api/v1/commitments/${corridors}/watch`, { cookie: cookies.official, params: { id: corridors } })).json).toEqual({ commitmentId: corridors, watching: false });
    const mark = await now();
    await call(commentsRoute.POST, 'POST', `/api/v1/commitments/${corridors}/comments`, { cookie: cookies.pk, params: { id: corridors }, body: { body: 'Noted.' } });
    expect(await toldSince(mark)).toEqual(['staff.kz2:comment_posted', 'staff:comment_posted']);
    const [row] = await selectRows<{ delivery: string }>(handle.db, sql`select delivery from notifications where user_id = ${ids.staff!} order by created_at desc limit 1`);
    expect(row!.delivery).toBe('daily');
  });

  it('reminds the leads once per period: due in 14 days, overdue, no update for 50 days', async () => {
    const [soon, late] = await Promise.all(['ISB-01', 'ISB-02'].map((r) => commitmentId(handle, r)));
    const quiet = corridors;
    await handle.db.execute(sql`update commitments set due_date = null, stage = case when stage in ('achieved', 'dropped') then stage else 'in_progress' end`);
    await handle.db.execute(sql`update commitments set due_date = (now() at time zone 'UTC')::date + 10 where id = ${soon!}`);
    await handle.db.execute(sql`update commitments set due_date = (now() at time zone 'UTC')::date - 3 where id = ${late!}`);
    await handle.db.execute(sql`update commitments set last_update_at = now() - interval '300 days'`);
    await handle.db.execute(sql`update commitments set last_update_at = now() - interval '52 days' where id = ${quiet}`);
    const mark = await now();
    const first = await runReminders(handle.db);
    expect(first).toBeGreaterThan(0);
    expect(await runReminders(handle.db)).toBe(0);
    const rows = await selectRows<{ reference: string; kind: string; role: string; n: number }>(
      handle.db,
      sql`select c.reference, n.kind, u.role::text, count(*)::int as n from notifications n join commitments c on c.id = n.commitment_id
            join users u on u.id = n.user_id where n.created_at >= ${mark} group by 1, 2, 3 order by 1, 2`,
    );
    expect(rows.map((r) => `${r.reference}:${r.kind}:${r.role}`)).toEqual(['ISB-01:due_soon:staff', 'ISB-02:overdue:staff', 'ISB-06:no_update:staff']);
    expect(rows.every((r) => r.n >= 1)).toBe(true);
    const gone = await selectRows<{ n: number }>(handle.db, sql`select count(*)::int as n from notifications where user_id = ${ids['staff.gone']!}`);
    expect(gone[0]!.n).toBe(0);
  });

  it('sends the weekly digest to officials only, once a week; purges after 180 days', async () => {
    const mark = await now();
    expect(await runWeeklyDigest(handle.db)).toBe(1);
    expect(await runWeeklyDigest(handle.db)).toBe(0);
    expect(await toldSince(mark)).toEqual(['official:weekly_digest']);
    await handle.db.execute(sql`update notifications set created_at = now() - interval '181 days' where kind = 'weekly_digest'`);
    expect(await purgeOldNotifications(handle.db)).toBe(1);
  });

  it('rolls the notifications and their queued e-mails back with the change', async () => {
    const count = async () => (await selectRows<{ n: number; o: number }>(handle.db, sql`select (select count(*)::int from notifications) as n, (select count(*)::int from job_outbox) as o`))[0]!;
    const before = await count();
    const leads = await leadsOf(corridors);
    await expect(
      handle.db.transaction(async (tx) => {
        const told = await notifyOnCommitment(tx, { type: 'update_posted', actorId: ids.admin!, leads, authorParty: null, awaitsConfirmation: true }, { commitmentId: corridors });
        expect(told.length).toBeGreaterThan(0);
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    expect(await count()).toEqual(before);
  });

  it('answered every request above as the OpenAPI document describes', () => {
    const seen = new Set(exchanges.map((e) => `${e.method} ${e.path.replace(/[0-9a-f-]{36}/g, '{id}').split('?')[0]} ${e.status}`));
    for (const expected of [
      'GET /api/v1/notifications 200', 'GET /api/v1/notifications 401', 'POST /api/v1/notifications/read 200', 'POST /api/v1/notifications/read 422',
      'PUT /api/v1/commitments/{id}/watch 200', 'DELETE /api/v1/commitments/{id}/watch 200', 'GET /api/v1/me/preferences 200',
      'PUT /api/v1/me/preferences 200', 'PUT /api/v1/me/preferences 422',
    ]) expect(seen).toContain(expected);
    expect(exchanges.flatMap(documentChecker())).toEqual([]);
  });

  async function leadsOf(id: string) {
    const [row] = await selectRows<{ leadOrgAId: string; leadOrgBId: string }>(handle.db, sql`select lead_org_a_id as "leadOrgAId", lead_org_b_id as "leadOrgBId" from commitments where id = ${id}`);
    return row!;
  }
});

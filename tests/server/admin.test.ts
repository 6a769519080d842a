import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect';
import { selectRows } from '../../db/rows';
import { checkPassword } from '../../lib/domain/password-policy';
import { listAuditEvents } from '../../lib/server/admin/audit-log';
import { createOrganisation, listOrganisations, updateOrganisation } from '../../lib/server/admin/organisations';
import { disableUser, enableUser, resetPassword, signOutEverywhere, updateUser } from '../../lib/server/admin/user-access';
import { getAdminOverview } from '../../lib/server/admin/overview';
import { createUser, getUser, listOrganisationChoices, listUsers } from '../../lib/server/admin/users';
import { contextFromHeaders, type RequestContext } from '../../lib/server/context';
import { AppError, fromDatabase } from '../../lib/server/errors';
import { verifyPassword } from '../../lib/passwords';
import { resolveViewer } from '../../lib/server/session';
import { signIn } from '../../lib/server/sign-in';
import { sessionCookieFor, TEST_AUTH_SECRET, useDatabase } from '../support/app';
import { english, fieldKeys } from '../support/messages';
import { refusal } from '../support/refusal';
import { openSeeded, testEngines } from '../support/seeded';

/** Row count and a checksum of every row of each table an administrative call could touch. */
async function snapshotTables(handle: DatabaseHandle) {
  const tables = { users: 'id', organisations: 'id', user_sessions: 'id', audit_events: 'id', sign_in_attempts: 'id' };
  const out: Record<string, unknown> = {};
  for (const [table, key] of Object.entries(tables)) {
    const [row] = await selectRows<{ n: number; sum: string }>(
      handle.db,
      sql.raw(`select count(*)::int as n, md5(coalesce(string_agg(t::text, ',' order by t.${key}), '')) as sum from ${table} t`),
    );
    out[table] = row;
  }
  return out;
}

describe.each(testEngines())('administration on $name', (engine) => {
  let handle: DatabaseHandle;
  let admin: RequestContext;
  const ctxFor = (cookie?: string) => contextFromHeaders(new Headers(cookie ? { cookie, 'x-agenda-client-address': '198.51.100.7' } : {}), handle.db);
  const viewerOf = (cookie: string) => resolveViewer(handle.db, cookie, TEST_AUTH_SECRET);
  const idOf = async (email: string) =>
    (await selectRows<{ id: string }>(handle.db, sql`select id from users where email = ${email}`))[0]!.id;
  const anyOrganisation = async () =>
    (await selectRows<{ id: string }>(handle.db, sql`select id from organisations order by name limit 1`))[0]!.id;
  const signInWith = (email: string, password: string) =>
    signIn(handle.db, { email, password, sourceAddress: '203.0.113.9', userAgent: 'vitest' });

  beforeAll(async () => {
    handle = await openSeeded(engine);
    useDatabase(handle);
    admin = await ctxFor(await sessionCookieFor(handle, 'admin@agenda.test'));
    expect(admin.viewer?.role).toBe('admin');
  });
  afterAll(() => handle.close());

  it('creates a user with a server-made password that meets the policy, is shown once and stored only as argon2id', async () => {
    const organisationId = await anyOrganisation();
    const created = await createUser(admin, { email: '  New.Person@Ministry.example ', name: 'New Person', role: 'staff', organisationId });
    expect(created.user).toMatchObject({ email: 'new.person@ministry.example', name: 'New Person', role: 'staff', organisationId });
    const password = created.initialPassword;
    expect(password.length).toBeGreaterThanOrEqual(16);
    expect(checkPassword(password, { email: 'new.person@ministry.example' })).toEqual({ ok: true });
    const second = await createUser(admin, { email: 'second@ministry.example', name: 'Second', role: 'official', organisationId: '' });
    expect(second.initialPassword).not.toBe(password);

    const [row] = await selectRows<Record<string, unknown> & { password_hash: string }>(
      handle.db, sql`select * from users where email = 'new.person@ministry.example'`,
    );
    expect(row!.password_hash.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(row!.password_hash, password)).toBe(true);
    expect(JSON.stringify(row)).not.toContain(password);
    expect((await signInWith('NEW.PERSON@ministry.example', password)).ok).toBe(true);
    // Nothing an administrator can read later holds it.
    expect(JSON.stringify(await listUsers(admin))).not.toContain(password);
    expect(JSON.stringify(await getUser(admin, { id: created.user.id }))).not.toContain(password);

    const [audit] = await selectRows<{ actor_label: string; after: unknown; source_address: string }>(
      handle.db, sql`select actor_label, after, source_address from audit_events where action = 'user.created' and entity_id = ${created.user.id}`,
    );
    expect(audit).toEqual({
      actor_label: 'admin@agenda.test',
      source_address: '198.51.100.7',
      after: { email: 'new.person@ministry.example', name: 'New Person', role: 'staff', organisationId },
    });
  });

  it('refuses a duplicate email in another case with a field error, writing nothing', async () => {
    const before = await snapshotTables(handle);
    const error = await refusal(createUser(admin, { email: 'Reviewer@AGENDA.test', name: 'Copy', role: 'reviewer' }));
    expect(error.code).toBe('invalid');
    expect(error.status).toBe(422);
    expect(fieldKeys(error.fields)).toEqual({ email: ['admin.errors.emailTaken'] });
    expect(await snapshotTables(handle)).toEqual(before);
  });

  it('two administrators adding the same email at once: one account, and a field error (not a 500) for the other', async () => {
    const attempts = await Promise.allSettled([
      createUser(admin, { email: 'race@ministry.example', name: 'Race A', role: 'reviewer' }),
      createUser(admin, { email: 'RACE@ministry.example', name: 'Race B', role: 'reviewer' }),
    ]);
    expect(attempts.map((a) => a.status).sort()).toEqual(['fulfilled', 'rejected']);
    const failed = attempts.find((a) => a.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(AppError);
    expect(failed.reason).toMatchObject({ code: 'invalid', fields: { email: [{ key: 'admin.errors.emailTaken' }] } });
    const [count] = await selectRows<{ n: number }>(handle.db, sql`select count(*)::int as n from users where lower(email) = 'race@ministry.example'`);
    expect(count!.n).toBe(1);
    // The database's own refusal, when a writer slips past the check, names the constraint the mapping expects.
    const direct = await handle.db.execute(sql`insert into users (email, name, role, password_hash)
      values ('Race@Ministry.example', 'Direct', 'reviewer', '$argon2id$x')`).catch((error: unknown) => error);
    expect(fromDatabase(direct)).toMatchObject({ code: 'invalid', fields: { email: [{ key: 'admin.errors.emailTaken' }] } });
  });

  // PGlite has one connection, so there a second writer cannot slip between the check and the insert.
  if (engine.name === 'postgres') {
    it('maps the unique index’s refusal to the same field error when a writer slips between the check and the insert', async () => {
      let release!: () => void;
      let inserted!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const insertedYet = new Promise<void>((resolve) => (inserted = resolve));
      const other = handle.db.transaction(async (tx) => {
        await tx.execute(sql`insert into users (email, name, role, password_hash) values ('Slip@Ministry.example', 'Other', 'reviewer', '$argon2id$x')`);
        inserted();
        await held;
      });
      await insertedYet;
      const attempt = createUser(admin, { email: 'slip@ministry.example', name: 'Slip', role: 'reviewer' }).catch((error: unknown) => error);
      // Wait until our insert is blocked on the other transaction's uncommitted row, then let that commit.
      for (let waited = 0; ; waited += 50) {
        const [row] = await selectRows<{ n: number }>(handle.db, sql`select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock' and query ilike 'insert into "users"%'`);
        if (row!.n > 0) break;
        if (waited > 10_000) throw new Error('createUser never reached the insert');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      release();
      await other;
      expect(await attempt).toMatchObject({ code: 'invalid', fields: { email: [{ key: 'admin.errors.emailTaken' }] } });
    });
  }

  it('requires an organisation for staff and refuses an unknown one, reporting every field at once', async () => {
    const before = await snapshotTables(handle);
    const missing = await refusal(createUser(admin, { email: 'not an email', name: ' ', role: 'staff', organisationId: '' }));
    expect(fieldKeys(missing.fields)).toEqual({
      email: ['admin.errors.emailInvalid'], name: ['admin.errors.nameRequired'], organisationId: ['admin.errors.organisationRequired'],
    });
    const unknown = await refusal(
      createUser(admin, { email: 'x@ministry.example', name: 'X', role: 'reviewer', organisationId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(fieldKeys(unknown.fields)).toEqual({ organisationId: ['admin.errors.organisationUnknown'] });
    expect(fieldKeys((await refusal(createUser(admin, { email: 'y@ministry.example', name: 'Y', role: 'root' }))).fields)).toEqual({
      role: ['admin.errors.roleInvalid'],
    });
    expect(await snapshotTables(handle)).toEqual(before);
  });

  it('a role or organisation change ends the user’s sessions at once; a new name alone does not', async () => {
    const id = await idOf('staff@agenda.test');
    const cookie = await sessionCookieFor(handle, 'staff@agenda.test');
    const staff = await viewerOf(cookie);
    expect(staff).toMatchObject({ role: 'staff' });

    expect(await updateUser(admin, { id, name: 'Renamed Staff', role: 'staff', organisationId: staff!.organisationId })).toEqual({
      changed: true, sessionsEnded: 0, signedOut: false,
    });
    expect(await viewerOf(cookie)).toMatchObject({ name: 'Renamed Staff', role: 'staff' });

    const change = await updateUser(admin, { id, name: 'Renamed Staff', role: 'reviewer', organisationId: staff!.organisationId });
    expect(change).toMatchObject({ changed: true, signedOut: true });
    expect(change.sessionsEnded).toBeGreaterThanOrEqual(1);
    expect(await viewerOf(cookie)).toBeNull();
    expect(await viewerOf(await sessionCookieFor(handle, 'staff@agenda.test'))).toMatchObject({ role: 'reviewer' });

    const [{ id: otherOrg }] = (await selectRows<{ id: string }>(
      handle.db, sql`select id from organisations where id <> ${staff!.organisationId} order by name limit 1`,
    )) as [{ id: string }];
    const again = await sessionCookieFor(handle, 'staff@agenda.test');
    await updateUser(admin, { id, name: 'Renamed Staff', role: 'reviewer', organisationId: otherOrg });
    expect(await viewerOf(again)).toBeNull();

    const [audit] = await selectRows<{ before: unknown; after: { role: string } }>(
      handle.db, sql`select before, after from audit_events where action = 'user.updated' and entity_id = ${id} order by id limit 1 offset 1`,
    );
    expect(audit!.before).toMatchObject({ role: 'staff' });
    expect(audit!.after).toMatchObject({ role: 'reviewer' });
    // Put the account back as seeded for the tests that follow.
    await updateUser(admin, { id, name: staff!.name, role: 'staff', organisationId: staff!.organisationId });
  });

  it('disabling ends the sessions and refuses sign-in; enabling lets the user in again', async () => {
    const id = await idOf('official@agenda.test');
    const cookie = await sessionCookieFor(handle, 'official@agenda.test');
    const result = await disableUser(admin, { id });
    expect(result.changed).toBe(true);
    expect(result.sessionsEnded).toBeGreaterThanOrEqual(1);
    expect(await viewerOf(cookie)).toBeNull();
    expect(await signInWith('official@agenda.test', 'demo-password-2026')).toEqual({ ok: false, reason: 'invalid' });
    expect((await getUser(admin, { id })).disabledAt).toBeInstanceOf(Date);
    const [open] = await selectRows<{ n: number }>(handle.db, sql`select count(*)::int as n from user_sessions where user_id = ${id} and revoked_at is null`);
    expect(open!.n).toBe(0);

    expect(await enableUser(admin, { id })).toEqual({ changed: true, sessionsEnded: 0 });
    expect((await signInWith('official@agenda.test', 'demo-password-2026')).ok).toBe(true);
    const actions = await selectRows<{ action: string }>(
      handle.db, sql`select action from audit_events where entity_id = ${id} and action like 'user.%' order by id`,
    );
    expect(actions.map((a) => a.action)).toEqual(['user.disabled', 'user.enabled']);
  });

  it('“sign out everywhere” ends every session of the user; they can sign in again', async () => {
    const id = await idOf('reviewer@agenda.test');
    const first = await sessionCookieFor(handle, 'reviewer@agenda.test');
    const second = await sessionCookieFor(handle, 'reviewer@agenda.test');
    expect(await signOutEverywhere(admin, { id })).toMatchObject({ changed: true, sessionsEnded: expect.any(Number) });
    expect(await viewerOf(first)).toBeNull();
    expect(await viewerOf(second)).toBeNull();
    expect(await viewerOf(await sessionCookieFor(handle, 'reviewer@agenda.test'))).not.toBeNull();
  });

  it('resets a password: the new one (shown once) works, the old one and every session stop', async () => {
    const created = await createUser(admin, { email: 'reset.me@ministry.example', name: 'Reset Me', role: 'reviewer' });
    const cookie = await sessionCookieFor(handle, 'reset.me@ministry.example', created.initialPassword);
    const reset = await resetPassword(admin, { id: created.user.id });
    expect(checkPassword(reset.password, { email: 'reset.me@ministry.example' })).toEqual({ ok: true });
    expect(reset.password).not.toBe(created.initialPassword);
    expect(await viewerOf(cookie)).toBeNull();
    expect(await signInWith('reset.me@ministry.example', created.initialPassword)).toEqual({ ok: false, reason: 'invalid' });
    expect((await signInWith('reset.me@ministry.example', reset.password)).ok).toBe(true);

    const leaks = await selectRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from audit_events
           where coalesce(before::text, '') || coalesce(after::text, '') like any (array[${`%${reset.password}%`}, ${`%${created.initialPassword}%`}, '%argon2%'])`,
    );
    expect(leaks[0]!.n).toBe(0);
    const adminEvents = await selectRows<{ text: string }>(
      handle.db,
      sql`select coalesce(before::text, '') || coalesce(after::text, '') as text from audit_events where action like 'user.%' or action like 'organisation.%'`,
    );
    expect(adminEvents.length).toBeGreaterThan(5);
    for (const event of adminEvents) expect(event.text.toLowerCase()).not.toMatch(/password|hash/);
  });

  it('an administrator cannot disable themself or remove their own administrator role', async () => {
    const me = admin.viewer!.id;
    const before = await snapshotTables(handle);
    const disable = await refusal(disableUser(admin, { id: me }));
    expect([disable.code, disable.status, disable.summary.key]).toEqual(['conflict', 409, 'admin.errors.cannotDisableSelf']);
    expect(english(disable.summary)).toMatch(/cannot disable your own account/);
    const demote = await refusal(updateUser(admin, { id: me, name: 'Demo Administrator', role: 'reviewer', organisationId: '' }));
    expect([demote.code, demote.status, fieldKeys(demote.fields)]).toEqual(['invalid', 422, { role: ['admin.errors.cannotDemoteSelf'] }]);
    expect(await snapshotTables(handle)).toEqual(before);
    expect(await resolveViewer(handle.db, null, TEST_AUTH_SECRET)).toBeNull();
  });

  it('answers 404 for a user that does not exist', async () => {
    expect((await refusal(getUser(admin, { id: 'not-a-uuid' }))).code).toBe('not_found');
    expect((await refusal(disableUser(admin, { id: '00000000-0000-4000-8000-000000000000' }))).status).toBe(404);
    expect((await refusal(resetPassword(admin, { id: '00000000-0000-4000-8000-000000000000' }))).status).toBe(404);
  });

  it('creates and edits organisations; a duplicate or a bad country is a field error, not a crash', async () => {
    const { id } = await createOrganisation(admin, { name: 'Ministry of Energy Test', shortName: 'MoE', country: 'kz' });
    expect((await listOrganisations(admin)).find((o) => o.id === id)).toMatchObject({ name: 'Ministry of Energy Test', country: 'KZ', shortName: 'MoE', userCount: 0 });
    const [staff] = await selectRows<{ organisation_id: string; n: number }>(
      handle.db, sql`select organisation_id, (select count(*)::int from users u where u.organisation_id = s.organisation_id) as n from users s where email = 'staff@agenda.test'`,
    );
    expect(staff!.n).toBeGreaterThan(0);
    expect((await listOrganisations(admin)).find((o) => o.id === staff!.organisation_id)?.userCount).toBe(staff!.n);
    // The same name in the same country, in another case, is the same ministry; in another country it is not.
    const before = await snapshotTables(handle);
    const duplicate = await refusal(createOrganisation(admin, { name: ' ministry of energy test ', country: 'KZ' }));
    expect([duplicate.code, fieldKeys(duplicate.fields)]).toEqual(['invalid', { name: ['admin.errors.organisationTaken'] }]);
    for (const country of ['KAZ', 'K1', '', 'QQ']) {
      const bad = await refusal(createOrganisation(admin, { name: 'Somewhere', country }));
      expect(fieldKeys(bad.fields)).toEqual({ country: ['admin.errors.countryInvalid'] });
    }
    expect(await snapshotTables(handle)).toEqual(before);
    await createOrganisation(admin, { name: 'Ministry of Energy Test', country: 'PK' });

    expect(await updateOrganisation(admin, { id, name: 'Ministry of Energy (renamed)', shortName: '', country: 'KZ' })).toEqual({ changed: true });
    const [audit] = await selectRows<{ before: unknown; after: unknown }>(
      handle.db, sql`select before, after from audit_events where action = 'organisation.updated' and entity_id = ${id}`,
    );
    expect(audit).toEqual({
      before: { name: 'Ministry of Energy Test', shortName: 'MoE', country: 'KZ' },
      after: { name: 'Ministry of Energy (renamed)', shortName: null, country: 'KZ' },
    });
    const clash = await refusal(updateOrganisation(admin, { id, name: 'Ministry of Energy Test', country: 'PK' }));
    expect(fieldKeys(clash.fields)).toEqual({ name: ['admin.errors.organisationTaken'] });
    expect((await refusal(updateOrganisation(admin, { id: '00000000-0000-4000-8000-000000000000', name: 'X', country: 'KZ' }))).code).toBe('not_found');
  });

  it('lists the audit log newest first, filtered by a literal action prefix', async () => {
    await handle.db.execute(sql`insert into audit_events (actor_label, action, entity_type) values ('test', 'auth.signxin', 'test')`);
    // More than a page of events, so the limit shows.
    await handle.db.execute(sql`insert into audit_events (actor_label, action, entity_type, at)
      select 'test', 'test.filler', 'test', now() - make_interval(days => 30 + n) from generate_series(1, 120) n`);
    const { events } = await listAuditEvents(admin, { action: 'user.' });
    expect(events.length).toBeGreaterThan(5);
    expect(events.every((e) => e.action.startsWith('user.'))).toBe(true);
    const times = events.map((e) => e.at.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const signIns = await listAuditEvents(admin, { action: 'auth.sign_in' });
    expect(signIns.events.length).toBeGreaterThan(0);
    expect(signIns.events.some((e) => e.action === 'auth.signxin')).toBe(false);
    expect((await listAuditEvents(admin, {})).events.length).toBe(100);
    expect(fieldKeys((await refusal(listAuditEvents(admin, { action: "user.%' or 1=1" }))).fields)).toEqual({ action: ['admin.errors.auditFilterInvalid'] });
  });
});

describe.each(testEngines())('administration refused to other roles and to nobody on $name', (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openSeeded(engine);
    useDatabase(handle);
  });
  afterAll(() => handle.close());

  it('refuses every administrative call (403 to staff, officials and reviewers, 401 to nobody) and changes no table', async () => {
    const ids = await selectRows<{ id: string; email: string }>(handle.db, sql`select id, email from users order by email`);
    const target = ids.find((u) => u.email === 'reviewer@agenda.test')!.id;
    const [org] = await selectRows<{ id: string }>(handle.db, sql`select id from organisations order by name limit 1`);
    // Valid requests throughout: only the permission check stands between each and a change.
    const calls: [string, (ctx: RequestContext) => Promise<unknown>][] = [
      ['listUsers', (ctx) => listUsers(ctx)],
      ['getUser', (ctx) => getUser(ctx, { id: target })],
      ['listOrganisationChoices', (ctx) => listOrganisationChoices(ctx)],
      ['getAdminOverview', (ctx) => getAdminOverview(ctx)],
      ['createUser', (ctx) => createUser(ctx, { email: 'intruder@agenda.test', name: 'Intruder', role: 'admin' })],
      ['updateUser', (ctx) => updateUser(ctx, { id: target, name: 'Taken over', role: 'admin', organisationId: '' })],
      ['disableUser', (ctx) => disableUser(ctx, { id: target })],
      ['enableUser', (ctx) => enableUser(ctx, { id: target })],
      ['signOutEverywhere', (ctx) => signOutEverywhere(ctx, { id: target })],
      ['resetPassword', (ctx) => resetPassword(ctx, { id: target })],
      ['listOrganisations', (ctx) => listOrganisations(ctx)],
      ['createOrganisation', (ctx) => createOrganisation(ctx, { name: 'Shadow Ministry', country: 'KZ' })],
      ['updateOrganisation', (ctx) => updateOrganisation(ctx, { id: org!.id, name: 'Renamed by intruder', country: 'KZ' })],
      ['listAuditEvents', (ctx) => listAuditEvents(ctx, {})],
    ];
    const callers: [string, RequestContext, string, number][] = [];
    for (const email of ['staff@agenda.test', 'official@agenda.test', 'reviewer@agenda.test']) {
      const cookie = await sessionCookieFor(handle, email);
      callers.push([email, await contextFromHeaders(new Headers({ cookie }), handle.db), 'forbidden', 403]);
    }
    callers.push(['nobody', await contextFromHeaders(new Headers(), handle.db), 'unauthenticated', 401]);
    callers.push(['a forged cookie', await contextFromHeaders(new Headers({ cookie: 'authjs.session-token=forged' }), handle.db), 'unauthenticated', 401]);

    const before = await snapshotTables(handle);
    const outcomes: string[] = [];
    for (const [who, ctx] of callers) {
      for (const [name, call] of calls) {
        const error = await refusal(call(ctx));
        outcomes.push(`${who} ${name}: ${error.code} ${error.status}`);
      }
    }
    expect(outcomes).toEqual(callers.flatMap(([who, , code, status]) => calls.map(([name]) => `${who} ${name}: ${code} ${status}`)));
    expect(await snapshotTables(handle)).toEqual(before);
  });
});

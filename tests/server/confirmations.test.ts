import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as commitmentRoute from '../../app/api/v1/commitments/[id]/route';
import * as updatesRoute from '../../app/api/v1/commitments/[id]/updates/route';
import * as listRoute from '../../app/api/v1/commitments/route';
import * as confirmationRoute from '../../app/api/v1/updates/[id]/confirmation/route';
import type { DatabaseHandle } from '../../db/connect';
import { selectRows } from '../../db/rows';
import { call, commitmentId } from '../support/api';
import { sessionCookieFor, useDatabase } from '../support/app';
import { listAwaitingMyDecision } from '../../lib/server/confirmations';
import { contextFromHeaders } from '../../lib/server/context';
import { fingerprint } from '../support/fingerprint';
import { openSeeded, testEngines } from '../support/seeded';

describe.each(testEngines())('confirmation by the other side on $name', (engine) => {
  let handle: DatabaseHandle;
  const cookies: Record<string, string> = {};
  let corridors: string; // ISB-06: Kazakh lead is the staff user's ministry, Pakistani lead is staff.pk's

  const post = (who: string, id: string, body: object) =>
    call(updatesRoute.POST, 'POST', `/api/v1/commitments/${id}/updates`, { cookie: cookies[who], params: { id }, body });
  const decide = (who: string | undefined, updateId: string, body: unknown) =>
    call(confirmationRoute.POST, 'POST', `/api/v1/updates/${updateId}/confirmation`, { cookie: who ? cookies[who] : undefined, params: { id: updateId }, body });
  const commitment = async (id: string) =>
    (await call(commitmentRoute.GET, 'GET', `/api/v1/commitments/${id}`, { cookie: cookies.official, params: { id } })).json;

  beforeAll(async () => {
    handle = await openSeeded(engine);
    useDatabase(handle);
    // A second staff member of Pakistan's Ministry of Commerce, and one of an unrelated ministry.
    await handle.db.execute(sql`insert into users (email, name, role, organisation_id, password_hash, is_demo)
      select 'staff.pk2@agenda.test', 'Second PK staff', 'staff', organisation_id, password_hash, true from users where email = 'staff.pk@agenda.test'`);
    await handle.db.execute(sql`insert into users (email, name, role, organisation_id, password_hash, is_demo)
      select 'staff.rail@agenda.test', 'Railways staff', 'staff', o.id, u.password_hash, true
        from users u, organisations o where u.email = 'staff.pk@agenda.test' and o.name = 'Ministry of Railways'`);
    const logins: Record<string, string> = {
      staff: 'staff@agenda.test', pk: 'staff.pk@agenda.test', pk2: 'staff.pk2@agenda.test', rail: 'staff.rail@agenda.test',
      official: 'official@agenda.test', reviewer: 'reviewer@agenda.test', admin: 'admin@agenda.test',
    };
    for (const [who, email] of Object.entries(logins)) cookies[who] = await sessionCookieFor(handle, email);
    corridors = await commitmentId(handle, 'ISB-06');
  });
  afterAll(() => handle.close());

  it('makes a stage change await the other side, which confirms it, moving the confirmed stage', async () => {
    const before = await commitment(corridors);
    expect(before.stage).toBe('in_progress');
    const posted = await post('staff', corridors, { stage: 'in_progress', health: 'on_track', narrative: 'Back on schedule after the drafting round.' });
    expect(posted.status).toBe(201);
    expect(posted.json).toMatchObject({ party: 'a', confirmation: 'awaiting' });
    // A narrative alone needs nobody's confirmation.
    const note = await post('staff', corridors, { stage: 'in_progress', health: 'on_track', narrative: 'Minutes attached.' });
    expect(note.json.confirmation).toBe('not_needed');
    const narrativeOnly = await decide('pk', note.json.id, { decision: 'confirm' });
    expect(narrativeOnly.status).toBe(422);

    const listed = await call(listRoute.GET, 'GET', '/api/v1/commitments?confirmation=awaiting&sort=reference', { cookie: cookies.official });
    expect(listed.json.items.map((c: { reference: string }) => c.reference)).toContain('ISB-06');
    expect(listed.json.items.every((c: { awaitingConfirmation: number }) => c.awaitingConfirmation > 0)).toBe(true);

    const confirmed = await decide('pk', posted.json.id, { decision: 'confirm' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.json).toMatchObject({ id: posted.json.id, party: 'a', confirmation: { state: 'confirmed', note: null } });
    expect(confirmed.json.confirmation.decidedBy).toMatchObject({ name: 'Demo Staff (Ministry of Commerce, Pakistan)', organisation: 'Ministry of Commerce' });
    const after = await commitment(corridors);
    expect(after.confirmedHealth).toBe('on_track');
    const shown = after.updates.find((u: { id: string }) => u.id === posted.json.id);
    expect(shown.confirmation.state).toBe('confirmed');
    expect(after.updates.find((u: { id: string }) => u.id === note.json.id).confirmation.state).toBe('not_needed');
    const [audit] = await selectRows<{ action: string; actor_label: string }>(
      handle.db,
      sql`select action, actor_label from audit_events where entity_id = ${posted.json.id}`,
    );
    expect(audit).toEqual({ action: 'status_update.confirmed', actor_label: 'staff.pk@agenda.test' });
  });

  it('lists for each staff member the other side’s updates awaiting their decision, and nothing for other roles', async () => {
    const posted = await post('staff', corridors, { stage: 'in_progress', health: 'at_risk', narrative: 'Awaiting list check.' });
    const awaiting = async (who: string) => listAwaitingMyDecision(await contextFromHeaders(new Headers({ cookie: cookies[who]! }), handle.db));
    const forPk = await awaiting('pk');
    expect(forPk!.map((u) => u.id)).toContain(posted.json.id);
    expect(forPk!.every((u) => u.party !== 'b')).toBe(true);
    expect((await awaiting('staff'))!.map((u) => u.id)).not.toContain(posted.json.id);
    expect((await awaiting('rail'))!.map((u) => u.id)).not.toContain(posted.json.id);
    expect(await awaiting('official')).toBeNull();
    expect(await awaiting('admin')).toBeNull();
    expect((await decide('pk', posted.json.id, { decision: 'confirm' })).status).toBe(200);
    expect((await awaiting('pk'))!.map((u) => u.id)).not.toContain(posted.json.id);
  });

  it('refuses the decision to everyone but the other side’s lead staff, changing nothing', async () => {
    const posted = await post('staff', corridors, { stage: 'in_progress', health: 'at_risk', narrative: 'Signature slips a month.' });
    const id = posted.json.id;
    const db = fingerprint(handle.db);
    const snapshot = await db;
    expect((await decide(undefined, id, { decision: 'confirm' })).status).toBe(401);
    expect((await decide('pk', '00000000-0000-4000-8000-000000000000', { decision: 'confirm' })).status).toBe(404);
    for (const who of ['staff', 'rail', 'official', 'reviewer', 'admin']) {
      const answer = await decide(who, id, { decision: 'confirm' });
      expect(answer.status, who).toBe(403);
    }
    // Who before what: an entitled decider with a bad body is told about the body.
    const noNote = await decide('pk', id, { decision: 'dispute' });
    expect(noNote.status).toBe(422);
    expect(noNote.json.error.fields.note[0]).toMatch(/at least a sentence/);
    expect((await decide('pk', id, { decision: 'dispute', note: 'Not so.' })).status).toBe(422);
    expect((await decide('staff', id, { decision: 'maybe' })).status).toBe(403);
    expect(await fingerprint(handle.db)).toEqual(snapshot);
  });

  it('lets one of two simultaneous decisions land and answers the other 409', async () => {
    const posted = await post('staff', corridors, { stage: 'in_progress', health: 'off_track', narrative: 'Talks paused by the other ministry.' });
    const answers = await Promise.all([
      decide('pk', posted.json.id, { decision: 'confirm' }),
      decide('pk2', posted.json.id, { decision: 'dispute', note: 'Talks were not paused; the next round is already scheduled.' }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const [row] = await selectRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from audit_events where entity_id = ${posted.json.id} and action like 'status_update.%'`,
    );
    expect(row!.n).toBe(1);
    // Decided: final for everyone.
    expect((await decide('pk', posted.json.id, { decision: 'confirm' })).status).toBe(409);
  });

  it('keeps the confirmed stage through a dispute until a later update is confirmed', async () => {
    const start = (await commitment(corridors)).confirmedStage;
    const moved = await post('pk', corridors, { stage: 'agreed', health: 'at_risk', narrative: 'Drafts went back to agreement stage: the text is reopened.' });
    expect(moved.json).toMatchObject({ party: 'b', confirmation: 'awaiting' });
    const disputed = await decide('staff', moved.json.id, { decision: 'dispute', note: 'Only one annex was reopened; the road map itself stands.' });
    expect(disputed.status).toBe(200);
    expect(disputed.json.confirmation).toMatchObject({ state: 'disputed', note: 'Only one annex was reopened; the road map itself stands.' });
    let c = await commitment(corridors);
    expect(c.stage).toBe('agreed');
    expect(c.confirmedStage).toBe(start);
    expect(c.disputed).toBe(true);
    const open = await call(listRoute.GET, 'GET', '/api/v1/commitments?confirmation=disputed', { cookie: cookies.official });
    expect(open.json.items.map((x: { reference: string }) => x.reference)).toContain('ISB-06');

    // Settled by a later update from the other side, which awaits the first side in turn.
    const settle = await post('staff', corridors, { stage: 'in_progress', health: 'at_risk', narrative: 'Agreed reading: one annex reopened, the road map in force.' });
    c = await commitment(corridors);
    expect(c.disputed).toBe(false);
    expect((await decide('pk', settle.json.id, { decision: 'confirm' })).status).toBe(200);
    c = await commitment(corridors);
    expect(c.confirmedStage).toBe('in_progress');
    expect(c.confirmedHealth).toBe('at_risk');
  });

  it('settles a disputed move with a later update that restates the stage, once that one is confirmed', async () => {
    const stalled = await post('pk', corridors, { stage: 'stalled', health: 'off_track', narrative: 'Work on our side has stopped for the budget review.' });
    expect((await decide('staff', stalled.json.id, { decision: 'dispute', note: 'The joint drafting group met last week and keeps working.' })).status).toBe(200);
    expect((await commitment(corridors)).confirmedStage).toBe('in_progress');
    const restated = await post('pk', corridors, { stage: 'stalled', health: 'at_risk', narrative: 'Stalled until the budget review ends in January.' });
    expect(restated.json.confirmation).toBe('awaiting');
    expect((await decide('staff', restated.json.id, { decision: 'confirm' })).status).toBe(200);
    const c = await commitment(corridors);
    expect([c.stage, c.confirmedStage, c.confirmedHealth, c.disputed]).toEqual(['stalled', 'stalled', 'at_risk', false]);
  });
});

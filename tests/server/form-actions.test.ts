import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect';
import { selectRows } from '../../db/rows';
import { contextFromHeaders, type RequestContext } from '../../lib/server/context';
import { runAddComment, runSetResolved } from '../../lib/server/forms/comments';
import { runCreateCommitment } from '../../lib/server/forms/create-commitment';
import { runEditCommitment } from '../../lib/server/forms/edit-commitment';
import { runPostUpdate } from '../../lib/server/forms/post-update';
import { commitmentId, indicatorIds } from '../support/api';
import { sessionCookieFor, useDatabase } from '../support/app';
import { fingerprint } from '../support/fingerprint';
import { englishFields } from '../support/messages';
import { openSeeded, testEngines } from '../support/seeded';

// The handlers behind the commitment pages' server actions, called with a real signed-in context
// and the FormData a browser would send.

function formData(fields: Record<string, string | string[]>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) form.append(key, v);
  return form;
}

async function commitmentState(handle: DatabaseHandle, id: string) {
  const [row] = await selectRows<{ stage: string; health: string; version: number; title: string; updates: number }>(
    handle.db,
    sql`select stage, health, version, title, (select count(*)::int from status_updates where commitment_id = c.id) as updates
          from commitments c where id = ${id}`,
  );
  return row!;
}

describe.each(testEngines())('the commitment forms on $name', (engine) => {
  let handle: DatabaseHandle;
  let staff: RequestContext;
  let reviewer: RequestContext;
  let corridors: string; // ISB-06: led by the staff user's ministry, in progress, one indicator 0 -> 3
  let indicator: string;

  beforeAll(async () => {
    handle = await openSeeded(engine);
    useDatabase(handle);
    const contextFor = async (email: string) =>
      contextFromHeaders(new Headers({ cookie: await sessionCookieFor(handle, email), 'user-agent': 'vitest' }), handle.db);
    staff = await contextFor('staff@agenda.test');
    reviewer = await contextFor('reviewer@agenda.test');
    corridors = await commitmentId(handle, 'ISB-06');
    [indicator] = (await indicatorIds(handle, 'ISB-06')) as [string];
  });
  afterAll(() => handle.close());

  const updateForm = (fields: Record<string, string | string[]>) =>
    formData({ commitmentId: corridors, stage: 'measurable', health: 'on_track', narrative: '', nextStep: '', evidence: '', ...fields });

  it('refuses a move the stage rules forbid, with the reason next to the field, and changes nothing', async () => {
    expect((await commitmentState(handle, corridors)).stage).toBe('in_progress');
    const before = await fingerprint(handle.db);
    const state = await runPostUpdate(staff, updateForm({ [`reading.${indicator}.value`]: '1', [`reading.${indicator}.asOf`]: '2026-11-20' }));
    expect(state.status).toBe('error');
    if (state.status !== 'error') return;
    expect(englishFields(state.fields).evidence).toMatch(/evidence link/i);
    expect(await fingerprint(handle.db)).toEqual(before);
  });

  it.each([
    ['NaN as a reading', { [`reading.$ID.value`]: 'NaN', [`reading.$ID.asOf`]: '2026-11-20' }, 'reading.$ID.value', /number/i],
    ['Infinity as a reading', { [`reading.$ID.value`]: 'Infinity', [`reading.$ID.asOf`]: '2026-11-20' }, 'reading.$ID.value', /number/i],
    ['a date that does not exist', { [`reading.$ID.value`]: '1', [`reading.$ID.asOf`]: '2026-02-30' }, 'reading.$ID.asOf', /real date/i],
    ['a reading without a date', { [`reading.$ID.value`]: '1', [`reading.$ID.asOf`]: '' }, 'reading.$ID.asOf', /date/i],
    ['a javascript: link', { [`reading.$ID.value`]: '1', [`reading.$ID.asOf`]: '2026-11-20', evidence: 'https://example.org/ok\njavascript:alert(1)' }, 'evidence', /javascript:alert\(1\)/],
    ['an unknown stage', { stage: 'finished' }, 'stage', /Stage must be one of/],
    ['no health', { health: '' }, 'health', /Health must be one of/],
  ])('answers %s with a field error and changes nothing', async (_name, fields, key, message) => {
    const before = await fingerprint(handle.db);
    const withId = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.replace('$ID', indicator), v]));
    const state = await runPostUpdate(staff, updateForm(withId));
    expect(state.status).toBe('error');
    if (state.status !== 'error') return;
    expect(englishFields(state.fields)[key.replace('$ID', indicator)]).toMatch(message);
    expect(await fingerprint(handle.db)).toEqual(before);
  });

  it('refuses a reviewer’s update and changes nothing', async () => {
    const before = await fingerprint(handle.db);
    const state = await runPostUpdate(reviewer, updateForm({ stage: 'in_progress', health: 'at_risk' }));
    expect(state).toMatchObject({ status: 'error', code: 'forbidden' });
    expect(await fingerprint(handle.db)).toEqual(before);
  });

  it('moves ISB-06 to measurable with a reading of 1 and an evidence link', async () => {
    const state = await runPostUpdate(staff, updateForm({
      [`reading.${indicator}.value`]: ' 1 ', [`reading.${indicator}.asOf`]: '2026-11-20',
      evidence: 'https://example.gov.kz/roadmap.pdf\n\n', narrative: 'Road map signed.', nextStep: 'Customs agreement.',
    }));
    expect(state).toMatchObject({ status: 'success', stage: 'measurable', health: 'on_track' });
    expect(await commitmentState(handle, corridors)).toMatchObject({ stage: 'measurable', health: 'on_track' });
    const [reading] = await selectRows<{ value: number; as_of: string; url: string; narrative: string }>(
      handle.db,
      sql`select r.value, r.as_of::text as as_of, e.url, u.narrative from status_updates u
            join indicator_readings r on r.status_update_id = u.id join evidence_links e on e.status_update_id = u.id
           where u.commitment_id = ${corridors} order by u.sequence desc limit 1`,
    );
    expect(reading).toEqual({ value: 1, as_of: '2026-11-20', url: 'https://example.gov.kz/roadmap.pdf', narrative: 'Road map signed.' });
  });

  it('saves an edit, then answers a stale version with a conflict carrying the current record and the typed values', async () => {
    const { version, title } = await commitmentState(handle, corridors);
    const edit = (v: number, newTitle: string) =>
      runEditCommitment(staff, formData({ commitmentId: corridors, version: String(v), title: newTitle, dueDate: '2026-12-31' }));
    expect(await edit(version, `${title} (first edit)`)).toMatchObject({ status: 'success', id: corridors, version: version + 1 });
    const before = await fingerprint(handle.db);
    const stale = await edit(version, 'My competing title');
    expect(stale.status).toBe('conflict');
    if (stale.status !== 'conflict') return;
    expect(stale.current).toMatchObject({ version: version + 1, title: `${title} (first edit)`, dueDate: '2026-12-31', sector: 'trade-investment' });
    expect(stale.values).toEqual({ title: 'My competing title', dueDate: '2026-12-31' });
    expect(await fingerprint(handle.db)).toEqual(before);
    expect(await edit(stale.current.version, 'My competing title')).toMatchObject({ status: 'success', version: version + 2 });
  });

  it('gives field errors for a bad edit and an empty due date clears it', async () => {
    const { version } = await commitmentState(handle, corridors);
    const bad = await runEditCommitment(staff, formData({ commitmentId: corridors, version: String(version), title: ' ', dueDate: '2026-02-30' }));
    expect(bad.status).toBe('error');
    if (bad.status !== 'error') return;
    expect(Object.keys(bad.fields).sort()).toEqual(['dueDate', 'title']);
    const cleared = await runEditCommitment(staff, formData({ commitmentId: corridors, version: String(version), dueDate: '' }));
    expect(cleared.status).toBe('success');
    const [row] = await selectRows<{ due_date: string | null }>(handle.db, sql`select due_date::text from commitments where id = ${corridors}`);
    expect(row!.due_date).toBeNull();
  });

  it('posts a comment on an update, a reply, and resolves the thread', async () => {
    const [update] = await selectRows<{ id: string }>(handle.db, sql`select id from status_updates where commitment_id = ${corridors} order by sequence desc limit 1`);
    const first = await runAddComment(reviewer, formData({ commitmentId: corridors, updateId: update!.id, parentId: '', body: '<b>Attach</b> the text.' }));
    expect(first.status).toBe('success');
    if (first.status !== 'success') return;
    const reply = await runAddComment(staff, formData({ commitmentId: corridors, parentId: first.id, updateId: '', body: 'Done.' }));
    expect(reply.status).toBe('success');
    expect(await runSetResolved(reviewer, formData({ commentId: first.id, resolved: 'true' }))).toMatchObject({ status: 'success', resolved: true });
    const [row] = await selectRows<{ body: string; status_update_id: string; resolved: boolean }>(
      handle.db, sql`select body, status_update_id, resolved_at is not null as resolved from comments where id = ${first.id}`,
    );
    expect(row).toEqual({ body: '<b>Attach</b> the text.', status_update_id: update!.id, resolved: true });
    const tooLong = await runAddComment(reviewer, formData({ commitmentId: corridors, body: 'x'.repeat(5001) }));
    expect(tooLong.status).toBe('error');
    if (tooLong.status === 'error') expect(englishFields(tooLong.fields).body).toMatch(/5000/);
  });

  it('creates a commitment with an indicator row, skipping blank rows and naming a bad row by its key', async () => {
    const [refs] = await selectRows<{ agenda: string; pk: string; own: string }>(
      handle.db,
      sql`select (select id from agendas limit 1) as agenda, (select id from organisations where country = 'PK' order by name limit 1) as pk,
                 (select organisation_id from users where email = 'staff@agenda.test') as own`,
    );
    const base = {
      agendaId: refs!.agenda, sector: 'trade-investment', title: 'Open a joint trade house', description: '', sourcePassage: 'expanding trade',
      leadOrgAId: refs!.own, leadOrgBId: refs!.pk, dueDate: '',
      'indicators.0.name': '', 'indicators.0.unit': '', 'indicators.0.direction': 'higher_is_better',
      'indicators.3.name': 'Trade houses open', 'indicators.3.unit': 'houses', 'indicators.3.baselineValue': '0',
      'indicators.3.baselineDate': '2026-02-04', 'indicators.3.targetValue': '1', 'indicators.3.targetDate': '2027-03-31',
      'indicators.3.direction': 'higher_is_better',
    };
    const bad = await runCreateCommitment(staff, formData({ ...base, 'indicators.3.targetValue': 'Infinity' }));
    expect(bad).toMatchObject({ status: 'error', fields: { 'indicators.3.targetValue': [expect.objectContaining({ key: expect.any(String) })] } });
    const created = await runCreateCommitment(staff, formData(base));
    expect(created.status).toBe('success');
    if (created.status !== 'success') return;
    const rows = await selectRows<{ name: string; due_date: string | null }>(
      handle.db, sql`select i.name, c.due_date::text from indicators i join commitments c on c.id = i.commitment_id where c.id = ${created.id}`,
    );
    expect(rows).toEqual([{ name: 'Trade houses open', due_date: null }]);
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect';
import { selectRows } from '../../db/rows';
import { createAgenda, listAgendasForAdmin, renameAgenda, setAgendaArchive } from '../../lib/server/admin/agendas';
import { createSector, listSectorsForAdmin, renameSector, setSectorArchive } from '../../lib/server/admin/sectors';
import { createCommitment, updateCommitment } from '../../lib/server/commitment-writes';
import { contextFromHeaders, type RequestContext } from '../../lib/server/context';
import { getDashboard } from '../../lib/server/dashboard';
import { getCommitmentFormOptions } from '../../lib/server/forms/reference-data';
import { AGENDA } from '../../db/seed/islamabad';
import { commitmentId } from '../support/api';
import { sessionCookieFor, useDatabase } from '../support/app';
import { fingerprint } from '../support/fingerprint';
import { fieldKeys } from '../support/messages';
import { refusal } from '../support/refusal';
import { openSeeded, testEngines } from '../support/seeded';

const MISSING = '00000000-0000-4000-8000-000000000000';

const NEW_AGENDA = {
  title: 'Kazakhstan–Uzbekistan Strategic Council (Tashkent, 2026)',
  slug: '',
  partyA: 'kz',
  partyB: 'UZ',
  signedOn: '2026-03-12',
  place: 'Tashkent',
  sourceTitle: 'Joint statement of the Supreme Interstate Council',
  sourceDocument: 'Press release of the two presidencies, 12 March 2026',
  summary: '',
};

describe.each(testEngines())('sector and agenda administration on $name', (engine) => {
  let handle: DatabaseHandle;
  let admin: RequestContext;
  const audits = (action: string, id: string) =>
    selectRows<{ actor_label: string; before: unknown; after: unknown }>(
      handle.db, sql`select actor_label, before, after from audit_events where action = ${action} and entity_id = ${id} order by at`,
    );
  const leads = async () => {
    const [row] = await selectRows<{ agenda: string; kz: string; pk: string }>(
      handle.db,
      sql`select (select id from agendas where slug = ${AGENDA.slug}) as agenda,
                 (select id from organisations where country = 'KZ' order by name limit 1) as kz,
                 (select id from organisations where country = 'PK' order by name limit 1) as pk`,
    );
    return row!;
  };

  beforeAll(async () => {
    handle = await openSeeded(engine);
    useDatabase(handle);
    admin = await contextFromHeaders(new Headers({ cookie: await sessionCookieFor(handle, 'admin@agenda.test') }), handle.db);
  });
  afterAll(() => handle.close());

  it('creates a sector after the others, with a slug made from its name, and audits it', async () => {
    const created = await createSector(admin, { name: '  Culture and Tourism ', slug: '', colour: '#AA3377' });
    expect(created.slug).toBe('culture-and-tourism');
    const list = await listSectorsForAdmin(admin);
    expect(list.at(-1)).toMatchObject({ id: created.id, name: 'Culture and Tourism', colour: '#aa3377', archivedAt: null, commitmentCount: 0 });
    expect(await audits('sector.created', created.id)).toEqual([
      { actor_label: 'admin@agenda.test', before: null, after: { name: 'Culture and Tourism', slug: 'culture-and-tourism', colour: '#aa3377' } },
    ]);
    expect((await getCommitmentFormOptions(admin, { open: true })).sectors.map((s) => s.slug)).toContain('culture-and-tourism');
  });

  it('refuses a bad or duplicate sector with field errors and changes nothing', async () => {
    const before = await fingerprint(handle.db);
    const bad = await refusal(createSector(admin, { name: ' ', slug: 'Not A Slug', colour: 'red' }));
    expect([bad.status, fieldKeys(bad.fields)]).toEqual([422, {
      name: ['admin.errors.sectorNameRequired'], slug: ['admin.errors.slugInvalid'], colour: ['admin.errors.colourInvalid'],
    }]);
    const noSlug = await refusal(createSector(admin, { name: 'Культура', colour: '#112233' }));
    expect(fieldKeys(noSlug.fields)).toEqual({ slug: ['admin.errors.slugRequired'] });
    // Another case and spaces are the same name; the slug of a seeded sector is taken.
    const duplicate = await refusal(createSector(admin, { name: ' ENERGY ', slug: 'energy', colour: '#112233' }));
    expect([duplicate.status, fieldKeys(duplicate.fields)]).toEqual([422, {
      name: ['admin.errors.sectorNameTaken'], slug: ['admin.errors.slugTaken'],
    }]);
    expect(await fingerprint(handle.db)).toEqual(before);
  });

  it('renames a sector, keeping its slug; a taken name is a field error, a missing sector a 404', async () => {
    const { id } = await createSector(admin, { name: 'Health', colour: '#117733' });
    expect(await renameSector(admin, { id, name: 'Health and medicine' })).toEqual({ changed: true });
    expect((await listSectorsForAdmin(admin)).find((s) => s.id === id)).toMatchObject({ name: 'Health and medicine', slug: 'health' });
    expect(await audits('sector.renamed', id)).toEqual([
      { actor_label: 'admin@agenda.test', before: { name: 'Health' }, after: { name: 'Health and medicine' } },
    ]);
    expect(await renameSector(admin, { id, name: ' Health and medicine ' })).toEqual({ changed: false });
    expect(await audits('sector.renamed', id)).toHaveLength(1);
    const clash = await refusal(renameSector(admin, { id, name: 'industry' }));
    expect([clash.status, fieldKeys(clash.fields)]).toEqual([422, { name: ['admin.errors.sectorNameTaken'] }]);
    expect((await refusal(renameSector(admin, { id: MISSING, name: 'Nothing' }))).status).toBe(404);
    expect((await refusal(setSectorArchive(admin, { id: 'not-an-id' }, true))).status).toBe(422);
  });

  it('an archived sector is no longer offered to new commitments, while its commitments, the filters and the dashboard keep it', async () => {
    const isb06 = await commitmentId(handle, 'ISB-06');
    const [row] = await selectRows<{ id: string; slug: string; version: number }>(
      handle.db, sql`select s.id, s.slug, c.version from commitments c join sectors s on s.id = c.sector_id where c.id = ${isb06}`,
    );
    const { id, slug } = row!;
    const [counted] = await selectRows<{ n: number }>(handle.db, sql`select count(*)::int as n from commitments where sector_id = ${id}`);
    expect(counted!.n).toBeGreaterThan(0);
    expect((await listSectorsForAdmin(admin)).find((s) => s.id === id)?.commitmentCount).toBe(counted!.n);
    expect(await setSectorArchive(admin, { id }, true)).toEqual({ changed: true });
    expect(await setSectorArchive(admin, { id }, true)).toEqual({ changed: false });

    expect((await getCommitmentFormOptions(admin, { open: true })).sectors.map((s) => s.slug)).not.toContain(slug);
    expect((await getCommitmentFormOptions(admin, { open: true, keepSector: slug })).sectors.map((s) => s.slug)).toContain(slug);
    expect((await getCommitmentFormOptions(admin)).sectors.map((s) => s.slug)).toContain(slug);

    const { agenda, kz, pk } = await leads();
    const refused = await refusal(createCommitment(admin, {
      agendaId: agenda, sector: slug, title: 'A new promise', sourcePassage: 'passage', leadOrgAId: kz, leadOrgBId: pk,
    }));
    expect([refused.status, fieldKeys(refused.fields)]).toEqual([422, { sector: ['validation.sectorArchived'] }]);
    // A commitment already in the sector keeps it through an edit, and cannot be moved into another archived one.
    const edited = await updateCommitment(admin, isb06, { version: row!.version, sector: slug, description: 'Edited after archiving.' });
    expect(edited.sectorSlug).toBe(slug);
    const other = (await listSectorsForAdmin(admin)).find((s) => s.slug === 'culture-and-tourism')!;
    await setSectorArchive(admin, { id: other.id }, true);
    const moved = await refusal(updateCommitment(admin, isb06, { version: edited.version, sector: other.slug }));
    expect(fieldKeys(moved.fields)).toEqual({ sector: ['validation.sectorArchived'] });
    const dashboard = await getDashboard(admin, { sectorSlug: slug });
    expect(dashboard?.sector?.id).toBe(id);
    expect(dashboard?.matrix.rows.length).toBe(1);

    expect(await setSectorArchive(admin, { id }, false)).toEqual({ changed: true });
    expect((await getCommitmentFormOptions(admin, { open: true })).sectors.map((s) => s.slug)).toContain(slug);
    expect((await audits('sector.archived', id)).length).toBe(1);
    expect((await audits('sector.restored', id)).map((a) => a.after)).toEqual([{ archived: false }]);
  });

  it('creates, renames and archives an agenda; archived, it takes no new commitment but its own keep working', async () => {
    const created = await createAgenda(admin, NEW_AGENDA);
    expect(created.slug).toBe('kazakhstan-uzbekistan-strategic-council-tashkent-2026');
    expect((await listAgendasForAdmin(admin)).find((a) => a.id === created.id)).toMatchObject({
      title: NEW_AGENDA.title, partyA: 'KZ', partyB: 'UZ', signedOn: '2026-03-12', archivedAt: null, commitmentCount: 0,
    });
    expect((await audits('agenda.created', created.id))[0]!.after).toMatchObject({ title: NEW_AGENDA.title, partyA: 'KZ' });

    const before = await fingerprint(handle.db);
    const duplicate = await refusal(createAgenda(admin, { ...NEW_AGENDA, title: NEW_AGENDA.title.toUpperCase(), slug: AGENDA.slug }));
    expect(fieldKeys(duplicate.fields)).toEqual({ title: ['admin.errors.agendaTitleTaken'], slug: ['admin.errors.slugTaken'] });
    const bad = await refusal(createAgenda(admin, { ...NEW_AGENDA, partyB: 'QQ', signedOn: '2026-02-30', place: '' }));
    expect(fieldKeys(bad.fields)).toEqual({
      partyB: ['admin.errors.countryInvalid'], signedOn: ['admin.errors.dateInvalid'], place: ['admin.errors.placeRequired'],
    });
    const same = await refusal(createAgenda(admin, { ...NEW_AGENDA, title: 'Another', partyB: 'KZ' }));
    expect(fieldKeys(same.fields)).toEqual({ partyB: ['admin.errors.partiesSame'] });
    expect(await fingerprint(handle.db)).toEqual(before);

    expect(await renameAgenda(admin, { id: created.id, title: 'Kazakhstan–Uzbekistan Council' })).toEqual({ changed: true });
    expect((await audits('agenda.renamed', created.id))[0]).toMatchObject({
      before: { title: NEW_AGENDA.title }, after: { title: 'Kazakhstan–Uzbekistan Council' },
    });
    const { agenda, kz, pk } = await leads();
    const [counted] = await selectRows<{ n: number }>(handle.db, sql`select count(*)::int as n from commitments where agenda_id = ${agenda}`);
    expect((await listAgendasForAdmin(admin)).find((a) => a.id === agenda)?.commitmentCount).toBe(counted!.n);
    expect(counted!.n).toBeGreaterThan(0);
    const clash = await refusal(renameAgenda(admin, { id: created.id, title: AGENDA.title }));
    expect(fieldKeys(clash.fields)).toEqual({ title: ['admin.errors.agendaTitleTaken'] });
    expect((await refusal(renameAgenda(admin, { id: MISSING, title: 'Nothing' }))).status).toBe(404);

    // Archiving the seeded agenda: the form no longer offers it and refuses a new commitment in it...
    expect(await setAgendaArchive(admin, { id: agenda }, true)).toEqual({ changed: true });
    expect((await getCommitmentFormOptions(admin, { open: true })).agendas.map((a) => a.id)).not.toContain(agenda);
    expect((await getCommitmentFormOptions(admin)).agendas.map((a) => a.id)).toContain(agenda);
    const refused = await refusal(createCommitment(admin, {
      agendaId: agenda, sector: 'energy', title: 'A new promise', sourcePassage: 'passage', leadOrgAId: kz, leadOrgBId: pk,
    }));
    expect(fieldKeys(refused.fields)).toEqual({ agendaId: ['validation.agendaArchived'] });
    // ...while its commitments are edited as before and its dashboard still reads.
    const isb08 = await commitmentId(handle, 'ISB-08');
    const [row] = await selectRows<{ version: number }>(handle.db, sql`select version from commitments where id = ${isb08}`);
    expect((await updateCommitment(admin, isb08, { version: row!.version, description: 'Edited in an archived agenda.' })).version).toBe(row!.version + 1);
    expect((await getDashboard(admin, { agendaSlug: AGENDA.slug }))?.agenda.id).toBe(agenda);

    expect(await setAgendaArchive(admin, { id: agenda }, false)).toEqual({ changed: true });
    expect((await getCommitmentFormOptions(admin, { open: true })).agendas.map((a) => a.id)).toContain(agenda);
    expect((await audits('agenda.archived', agenda)).length).toBe(1);
    expect((await audits('agenda.restored', agenda)).length).toBe(1);
  });
});

describe.each(testEngines())('sector and agenda administration refused to other roles and to nobody on $name', (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openSeeded(engine);
    useDatabase(handle);
  });
  afterAll(() => handle.close());

  it('answers 403 to staff, officials and reviewers and 401 to nobody, for every call, and changes nothing', async () => {
    const [ids] = await selectRows<{ sector: string; agenda: string }>(
      handle.db, sql`select (select id from sectors order by position limit 1) as sector, (select id from agendas limit 1) as agenda`,
    );
    // Valid requests throughout: only the permission check stands between each and a change.
    const calls: [string, (ctx: RequestContext) => Promise<unknown>][] = [
      ['listSectorsForAdmin', (ctx) => listSectorsForAdmin(ctx)],
      ['createSector', (ctx) => createSector(ctx, { name: 'Shadow sector', colour: '#112233' })],
      ['renameSector', (ctx) => renameSector(ctx, { id: ids!.sector, name: 'Renamed by intruder' })],
      ['archiveSector', (ctx) => setSectorArchive(ctx, { id: ids!.sector }, true)],
      ['listAgendasForAdmin', (ctx) => listAgendasForAdmin(ctx)],
      ['createAgenda', (ctx) => createAgenda(ctx, { ...NEW_AGENDA, title: 'Shadow agenda' })],
      ['renameAgenda', (ctx) => renameAgenda(ctx, { id: ids!.agenda, title: 'Renamed by intruder' })],
      ['archiveAgenda', (ctx) => setAgendaArchive(ctx, { id: ids!.agenda }, true)],
    ];
    const callers: [string, RequestContext, number][] = [];
    for (const email of ['staff@agenda.test', 'official@agenda.test', 'reviewer@agenda.test']) {
      callers.push([email, await contextFromHeaders(new Headers({ cookie: await sessionCookieFor(handle, email) }), handle.db), 403]);
    }
    callers.push(['nobody', await contextFromHeaders(new Headers(), handle.db), 401]);
    const before = await fingerprint(handle.db);
    const outcomes: string[] = [];
    for (const [who, ctx] of callers) {
      for (const [name, call] of calls) outcomes.push(`${who} ${name}: ${(await refusal(call(ctx))).status}`);
    }
    expect(outcomes).toEqual(callers.flatMap(([who, , status]) => calls.map(([name]) => `${who} ${name}: ${status}`)));
    expect(await fingerprint(handle.db)).toEqual(before);
  });
});

import { deflateRawSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as commitmentsCsv from '../../app/api/v1/commitments.csv/route';
import * as commitmentsXlsx from '../../app/api/v1/commitments.xlsx/route';
import * as commitmentRoute from '../../app/api/v1/commitments/[id]/route';
import * as updatesCsv from '../../app/api/v1/updates.csv/route';
import * as applyRoute from '../../app/api/v1/imports/[id]/apply/route';
import * as importsRoute from '../../app/api/v1/imports/route';
import type { DatabaseHandle } from '../../db/connect';
import { selectRows } from '../../db/rows';
import { call, commitmentId, noteExchange, recordExchanges } from '../support/api';
import { APP_ORIGIN, jsonRequest, sessionCookieFor, useDatabase } from '../support/app';
import { fingerprint } from '../support/fingerprint';
import { documentChecker, type Exchange } from '../support/openapi';
import { openSeeded, testEngines } from '../support/seeded';

type Row = Record<string, string>;

/** Posts a file as a browser's form would, to the preview route. */
async function upload(cookie: string | undefined, name: string, bytes: Buffer | string) {
  const form = new FormData();
  form.set('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]), name);
  const request = new Request(`${APP_ORIGIN}/api/v1/imports`, { method: 'POST', body: form, headers: cookie ? { cookie } : {} });
  const response = await importsRoute.POST(request, { params: Promise.resolve({}) });
  const json = await response.json();
  noteExchange({ method: 'POST', path: '/api/v1/imports', status: response.status, contentType: response.headers.get('content-type'), body: json });
  return { status: response.status, json };
}

/** Applies a preview; it takes no body, and may be sent without one. */
function apply(cookie: string | undefined, id: string, body: object | undefined = {}) {
  return call(applyRoute.POST, 'POST', `/api/v1/imports/${id}/apply`, { cookie, params: { id }, body });
}

function csvOf(rows: Row[]): string {
  return `\uFEFF${stringify(rows, { header: true, record_delimiter: 'windows' })}`;
}

describe.each(testEngines())('spreadsheet imports on $name', (engine) => {
  let handle: DatabaseHandle;
  let admin: string;
  let staff: string;
  let official: string;
  let exchanges: Exchange[]; // every answer of the imports' routes below, checked against the OpenAPI document at the end

  beforeAll(async () => {
    exchanges = recordExchanges();
    handle = await openSeeded(engine);
    useDatabase(handle);
    admin = await sessionCookieFor(handle, 'admin@agenda.test');
    staff = await sessionCookieFor(handle, 'staff@agenda.test');
    official = await sessionCookieFor(handle, 'official@agenda.test');
    // Text a spreadsheet would run, and scripts other than Latin.
    await handle.db.execute(sql`update commitments set title = '=HYPERLINK("https://evil.example","Open")', description = '+1 Қазақстан, پاکستان; "quoted", and a
second line' where reference = 'ISB-01'`);
    await handle.db.execute(sql`update commitments set description = '@SUM(A1:A9)', source_passage = '-2+3' where reference = 'ISB-02'`);
  });
  afterAll(() => handle.close());

  async function download(format: 'csv' | 'xlsx', cookie = admin, query = ''): Promise<Buffer> {
    const route = format === 'csv' ? commitmentsCsv : commitmentsXlsx;
    const response = await route.GET(jsonRequest('GET', `/api/v1/commitments.${format}${query}`, { cookie }), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  }

  async function exportedRows(cookie = admin, query = ''): Promise<Row[]> {
    return parse((await download('csv', cookie, query)).toString('utf8').slice(1), { columns: true }) as Row[];
  }

  async function auditCounts(): Promise<Record<string, number>> {
    const rows = await selectRows<{ action: string; n: number }>(
      handle.db, sql`select action, count(*)::int as n from audit_events where action in ('commitment.updated', 'status_update.created', 'import.applied') group by action`,
    );
    return Object.fromEntries(rows.map((r) => [r.action, r.n]));
  }

  async function importCount(): Promise<number> {
    const [row] = await selectRows<{ n: number }>(handle.db, sql`select count(*)::int as n from imports`);
    return row!.n;
  }

  it('reports zero changes for the export imported unchanged, as CSV and as XLSX, formulas made inert and restored', async () => {
    const total = (await exportedRows()).length;
    for (const format of ['csv', 'xlsx'] as const) {
      const answer = await upload(admin, `commitments.${format}`, await download(format));
      expect(answer.status).toBe(201);
      expect(answer.json.counts).toEqual({ create: 0, change: 0, update: 0, unchanged: total, conflict: 0, error: 0 });
      expect(answer.json.rows.find((r: { reference: string }) => r.reference === 'ISB-01').title).toBe('=HYPERLINK("https://evil.example","Open")');
    }
  });

  it('finds exactly the three cells edited, and applies them with the edits’ versions and audit events', async () => {
    const rows = await exportedRows();
    const [a, b, c] = rows.filter((r) => ['ISB-03', 'ISB-04', 'ISB-05'].includes(r.reference!));
    a!.title = `${a!.title} (renamed)`;
    b!.due_date = '2027-06-30';
    c!.health = c!.health === 'at_risk' ? 'on_track' : 'at_risk';
    const preview = await upload(admin, 'edited.csv', csvOf(rows));
    expect(preview.status).toBe(201);
    expect(preview.json.counts).toMatchObject({ change: 2, update: 1, unchanged: rows.length - 3, error: 0, conflict: 0 });
    const changed = preview.json.rows.filter((r: { action: string }) => r.action !== 'unchanged');
    expect(changed.map((r: { reference: string; changes: { column: string }[] }) => [r.reference, r.changes.map((ch) => ch.column)])).toEqual([
      ['ISB-03', ['title']], ['ISB-04', ['due_date']], ['ISB-05', ['health']],
    ]);
    // The preview wrote nothing but itself.
    const [titleBefore] = await selectRows<{ title: string }>(handle.db, sql`select title from commitments where reference = 'ISB-03'`);
    expect(titleBefore!.title).not.toContain('(renamed)');

    const auditBefore = await auditCounts();
    const applied = await apply(admin, preview.json.id);
    expect(applied.status).toBe(200);
    expect(applied.json.status).toBe('applied');
    const after = await selectRows<{ reference: string; title: string; due_date: string | null; health: string; version: number }>(
      handle.db, sql`select reference, title, due_date::text, health, version from commitments where reference in ('ISB-03', 'ISB-04', 'ISB-05') order by reference`,
    );
    expect(after[0]!.title).toBe(a!.title);
    expect(after[0]!.version).toBe(Number(a!.version) + 1);
    expect(after[1]!.due_date).toBe('2027-06-30');
    expect(after[2]!.health).toBe(c!.health);
    const auditAfter = await auditCounts();
    expect(Object.fromEntries(Object.entries(auditAfter).map(([action, n]) => [action, n - (auditBefore[action] ?? 0)]))).toEqual({
      'commitment.updated': 2, 'import.applied': 1, 'status_update.created': 1,
    });

    // Applying twice does not apply twice; another person's import is not theirs to see.
    const before = await fingerprint(handle.db);
    expect((await apply(admin, preview.json.id)).status).toBe(409);
    expect((await apply(staff, preview.json.id)).status).toBe(404);
    expect(await fingerprint(handle.db)).toEqual(before);
    // And the file as it is now imports as no change at all.
    expect((await upload(admin, 'again.csv', await download('csv'))).json.counts.unchanged).toBe(rows.length);
  });

  it('creates a commitment from a row with no reference and no version', async () => {
    const rows = await exportedRows();
    const model = rows.find((r) => r.reference === 'ISB-06')!;
    const created = { ...model, reference: '', version: '', title: 'A joint customs data exchange', stage: '', health: '' };
    const preview = await upload(admin, 'new.csv', csvOf([created]));
    expect(preview.json.rows[0]).toMatchObject({ row: 2, action: 'create', errors: [] });
    expect((await apply(admin, preview.json.id, undefined)).status).toBe(200);
    const [row] = await selectRows<{ n: number }>(handle.db, sql`select count(*)::int as n from commitments where title = 'A joint customs data exchange'`);
    expect(row!.n).toBe(1);
  });

  it('shows a stale row as a conflict, and refuses an import whose commitments changed after the preview', async () => {
    const rows = await exportedRows();
    const row = rows.find((r) => r.reference === 'ISB-07')!;
    const id = await commitmentId(handle, 'ISB-07');
    const edited = await call(commitmentRoute.PATCH, 'PATCH', `/api/v1/commitments/${id}`, {
      cookie: admin, params: { id }, body: { version: Number(row.version), description: 'Saved by someone else.' },
    });
    expect(edited.status).toBe(200);
    row.title = 'An overwrite of a newer version';
    const preview = await upload(admin, 'stale.csv', csvOf([row]));
    expect(preview.json.rows[0].action).toBe('conflict');
    expect(preview.json.rows[0].errors[0]).toMatchObject({ column: 'version' });
    expect(preview.json.rows[0].errors[0].message).toContain(`version ${row.version}`);
    expect((await apply(admin, preview.json.id)).status).toBe(422);

    const fresh = (await exportedRows()).find((r) => r.reference === 'ISB-07')!;
    fresh.title = 'Renamed after the preview';
    const second = await upload(admin, 'fresh.csv', csvOf([fresh]));
    expect(second.json.rows[0].action).toBe('change');
    await call(commitmentRoute.PATCH, 'PATCH', `/api/v1/commitments/${id}`, {
      cookie: admin, params: { id }, body: { version: Number(fresh.version), description: 'Saved again in between.' },
    });
    const before = await fingerprint(handle.db);
    const refused = await apply(admin, second.json.id);
    expect(refused.status).toBe(409);
    expect(await fingerprint(handle.db)).toEqual(before);
  });

  it('undoes the whole import when one row fails as it is applied, and shows rows the rules refuse at the preview', async () => {
    const rows = await exportedRows();
    const first = rows.find((r) => r.reference === 'ISB-09')!;
    first.title = 'Changed, then undone';
    const model = rows.find((r) => r.reference === 'ISB-06')!;
    await handle.db.execute(sql`insert into sectors (slug, name, colour) values ('to-be-archived', 'To be archived', '#336699')`);
    const created = { ...model, reference: '', version: '', title: 'In a sector archived before the import is applied', sector: 'to-be-archived', stage: '', health: '' };
    const preview = await upload(admin, 'two.csv', csvOf([first, created]));
    expect(preview.json.counts).toMatchObject({ change: 1, create: 1, error: 0 });
    await handle.db.execute(sql`update sectors set archived_at = now() where slug = 'to-be-archived'`);
    const before = await fingerprint(handle.db);
    const refused = await apply(admin, preview.json.id);
    expect(refused.status).toBe(422);
    expect(refused.json.error.message).toContain('Row 3');
    expect(Object.keys(refused.json.error.fields)).toEqual(['3.sector']);
    expect(await fingerprint(handle.db)).toEqual(before);

    // A move back without a narrative: the stage rules' refusal, by row and column, before anything is applied.
    const back = rows.find((r) => r.reference === 'ISB-10')!;
    const backwards = { ...back, stage: 'intent', health: 'off_track' };
    const bad = await upload(admin, 'back.csv', csvOf([first, backwards, { ...back, reference: 'ISB-99', version: '3' }, { ...model, agenda: 'nowhere' }]));
    expect(bad.json.rows.map((r: { action: string }) => r.action)).toEqual(back.stage === 'intent' ? ['change', 'update', 'error', 'error'] : ['change', 'error', 'error', 'error']);
    if (back.stage !== 'intent') expect(bad.json.rows[1].errors.some((e: { column: string }) => e.column === 'stage')).toBe(true);
    expect(bad.json.rows[2].errors).toEqual([{ column: 'reference', message: expect.stringContaining('no commitment ISB-99') }]);
    expect(bad.json.rows[3].errors[0]).toMatchObject({ column: 'agenda' });
    const unchanged = await fingerprint(handle.db);
    expect((await apply(admin, bad.json.id)).status).toBe(422);
    expect(await fingerprint(handle.db)).toEqual(unchanged);
  });

  it('lets staff change only the commitments their organisation leads, and officials nothing', async () => {
    const rows = await exportedRows(staff);
    const [own] = await selectRows<{ reference: string }>(
      handle.db, sql`select c.reference from commitments c join users u on u.email = 'staff@agenda.test'
                      where u.organisation_id in (c.lead_org_a_id, c.lead_org_b_id) order by c.reference limit 1`,
    );
    const mine = rows.find((r) => r.reference === own!.reference)!;
    const theirs = rows.find((r) => r.reference === 'ISB-08')!;
    mine.description = 'Edited in the ministry’s spreadsheet';
    theirs.description = 'Not ours to edit';
    const preview = await upload(staff, 'staff.csv', csvOf([mine, theirs]));
    expect(preview.status).toBe(201);
    expect(preview.json.rows[0]).toMatchObject({ action: 'change', errors: [] });
    expect(preview.json.rows[1].action).toBe('error');
    expect(preview.json.rows[1].errors[0].message).toContain('lead organisation');
    const count = await importCount();
    expect((await upload(official, 'official.csv', csvOf([mine]))).status).toBe(403);
    expect((await upload(undefined, 'anonymous.csv', csvOf([mine]))).status).toBe(401);
    expect(await importCount()).toBe(count);
  });

  it('posts status updates in bulk from rows added to the updates download, with their narrative, and a stale stage as a conflict', async () => {
    const response = await updatesCsv.GET(jsonRequest('GET', '/api/v1/updates.csv', { cookie: admin }), { params: Promise.resolve({}) });
    const existing = parse(Buffer.from(await response.arrayBuffer()).toString('utf8').slice(1), { columns: true }) as Row[];
    expect(existing.length).toBeGreaterThan(0);
    const [target] = await selectRows<{ reference: string; stage: string }>(
      handle.db, sql`select reference, stage from commitments where stage in ('agreed', 'in_progress') order by reference limit 1`,
    );
    const blank = Object.fromEntries(Object.keys(existing[0]!).map((k) => [k, '']));
    const stalled = { ...blank, commitment: target!.reference, stage_before: target!.stage, stage_after: 'stalled', health: 'off_track', narrative: 'Financing is held up; both sides meet again in May.', evidence: 'https://example.gov/minutes' };
    const stale = { ...blank, commitment: target!.reference, stage_before: 'intent', stage_after: 'agreed', health: 'on_track' };
    const silent = { ...stalled, narrative: '' };

    const preview = await upload(admin, 'updates.csv', csvOf([...existing, stalled, stale]));
    expect(preview.status, JSON.stringify(preview.json)).toBe(201);
    expect(preview.json.counts).toMatchObject({ unchanged: existing.length, update: 1, conflict: 1, error: 0 });
    expect(preview.json.rows.at(-1).errors[0]).toMatchObject({ column: 'stage_before' });
    const refusedByRules = await upload(admin, 'silent.csv', csvOf([silent]));
    expect(refusedByRules.json.rows[0].action).toBe('error');
    expect(refusedByRules.json.rows[0].errors.map((e: { column: string }) => e.column)).toContain('narrative');

    const good = await upload(admin, 'updates.csv', csvOf([...existing, stalled]));
    expect((await apply(admin, good.json.id)).status).toBe(200);
    const [posted] = await selectRows<{ stage: string; narrative: string; links: number }>(
      handle.db, sql`select c.stage, u.narrative, (select count(*)::int from evidence_links e where e.status_update_id = u.id) as links
                       from commitments c join status_updates u on u.commitment_id = c.id where c.reference = ${target!.reference} order by u.sequence desc limit 1`,
    );
    expect(posted).toEqual({ stage: 'stalled', narrative: stalled.narrative, links: 1 });
  });

  describe('refuses, writing nothing,', () => {
    async function refusedWith(name: string, bytes: Buffer | string, status: number, text: RegExp) {
      const count = await importCount();
      const answer = await upload(admin, name, bytes);
      expect(answer.status).toBe(status);
      expect(answer.json.error.message).toMatch(text);
      expect(await importCount()).toBe(count);
    }

    it('a file over 10 MB', async () => {
      await refusedWith('big.csv', Buffer.alloc(10 * 1024 * 1024 + 1, 0x41), 413, /larger than 10 MB/);
    });

    it('more than 20,000 rows, in CSV and in XLSX', async () => {
      const [model] = await exportedRows();
      const header = Object.keys(model!).join(',');
      const line = Object.values(model!).map(() => 'x').join(',');
      await refusedWith('many.csv', `${header}\r\n${`${line}\r\n`.repeat(20_001)}`, 400, /20001 rows; at most 20000/);
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Commitments');
      sheet.addRow(Object.keys(model!));
      for (let i = 0; i < 20_001; i += 1) sheet.addRow(['x']);
      await refusedWith('many.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()), 400, /at most 20000/);
    });

    it('a file that is not UTF-8, or not CSV, or not a workbook, or not in the export’s columns', async () => {
      await refusedWith('latin1.csv', Buffer.from('reference,title\r\nISB-01,Caf\xe9\r\n', 'latin1'), 400, /not UTF-8/);
      await refusedWith('broken.csv', 'reference,title\r\n"ISB-01,unclosed\r\n', 400, /could not be read as CSV/);
      await refusedWith('broken.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]), 400, /could not be read as an XLSX/);
      await refusedWith('other.csv', 'reference,name\r\nISB-01,x\r\n', 422, /Missing: version/);
    });

    it('a workbook with a formula', async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await download('xlsx')) as unknown as ArrayBuffer);
      workbook.worksheets[0]!.getCell('E2').value = { formula: 'HYPERLINK("https://evil.example","Open")', result: 'Open' };
      await refusedWith('formula.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()), 400, /formula in cell E2/);
    });

    it('a zip bomb, whatever sizes it declares', async () => {
      const zeros = deflateRawSync(Buffer.alloc(120 * 1024 * 1024));
      for (const declared of [120 * 1024 * 1024, 1000]) {
        await refusedWith('bomb.xlsx', zipOf('xl/worksheets/sheet1.xml', zeros, declared), 400, /expands to more than 100 MB/);
      }
    });
  });

  it('answered every request above (refusals included) as the OpenAPI document describes', () => {
    const statuses = (path: RegExp) => new Set(exchanges.filter((e) => path.test(e.path)).map((e) => e.status));
    expect([...statuses(/^\/api\/v1\/imports$/)]).toEqual(expect.arrayContaining([201, 400, 401, 403, 413, 422]));
    expect([...statuses(/\/apply$/)]).toEqual(expect.arrayContaining([200, 404, 409]));
    expect(exchanges.flatMap(documentChecker())).toEqual([]);
  });
});

/** A one-entry zip archive, deflated, declaring `declared` as the entry's size. */
function zipOf(name: string, deflated: Buffer, declared: number): Buffer {
  const file = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(deflated.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(file.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(deflated.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(file.length, 28);
  central.writeUInt32LE(0, 42);
  const centralOffset = local.length + file.length + deflated.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + file.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, file, deflated, central, file, end]);
}

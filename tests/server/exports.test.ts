import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as commitmentsCsv from '../../app/api/v1/commitments.csv/route';
import * as commitmentsXlsx from '../../app/api/v1/commitments.xlsx/route';
import * as listRoute from '../../app/api/v1/commitments/route';
import * as updatesCsv from '../../app/api/v1/updates.csv/route';
import * as updatesXlsx from '../../app/api/v1/updates.xlsx/route';
import type { DatabaseHandle } from '../../db/connect';
import { selectRows } from '../../db/rows';
import { COMMITMENT_COLUMNS, UPDATE_COLUMNS } from '../../lib/server/exports';
import { call } from '../support/api';
import { jsonRequest, sessionCookieFor, useDatabase } from '../support/app';
import { openSeeded, testEngines } from '../support/seeded';

const BOM = '\uFEFF';

describe.each(testEngines())('spreadsheet exports on $name', (engine) => {
  let handle: DatabaseHandle;
  let official: string;

  beforeAll(async () => {
    handle = await openSeeded(engine);
    useDatabase(handle);
    official = await sessionCookieFor(handle, 'official@agenda.test');
    // Text a spreadsheet would run, and the scripts the readers write in.
    await handle.db.execute(sql`update commitments set title = '=HYPERLINK("https://evil.example","Open")', description = '+1 Қазақстан, پاکستان; "quoted", and a
second line' where reference = 'ISB-01'`);
    await handle.db.execute(sql`update commitments set description = '@SUM(A1:A9)', source_passage = '-2+3' where reference = 'ISB-02'`);
  });
  afterAll(() => handle.close());

  async function download(route: { GET: (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> }, path: string, who: 'official' | 'anonymous' = 'official') {
    const response = await route.GET(jsonRequest('GET', path, { cookie: who === 'official' ? official : undefined }), { params: Promise.resolve({}) });
    return { response, bytes: Buffer.from(await response.arrayBuffer()) };
  }

  async function listTotal(query: string): Promise<number> {
    const answer = await call(listRoute.GET, 'GET', `/api/v1/commitments${query}`, { cookie: official });
    return (answer.json as { total: number }).total;
  }

  it('writes the filtered list as RFC 4180 CSV in UTF-8 with a byte-order mark, every row, formulas made inert', async () => {
    const { response, bytes } = await download(commitmentsCsv, '/api/v1/commitments.csv?pageSize=5');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="commitments-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = bytes.toString('utf8');
    expect(text.startsWith(BOM)).toBe(true);
    // Records end with CRLF; the newline inside a quoted field stays as typed.
    expect(text.split('\r\n')[0]).toBe(`${BOM}${COMMITMENT_COLUMNS.map((c) => c.key).join(',')}`);
    const records = parse(text.slice(1), { columns: true }) as Record<string, string>[];
    // The page size does not cut the export: every commitment is there.
    expect(records).toHaveLength(await listTotal(''));
    const first = records.find((r) => r.reference === 'ISB-01')!;
    expect(first.title).toBe(`'=HYPERLINK("https://evil.example","Open")`);
    expect(first.description).toBe(`'+1 Қазақстан, پاکستان; "quoted", and a\nsecond line`);
    const second = records.find((r) => r.reference === 'ISB-02')!;
    expect(second.description).toBe(`'@SUM(A1:A9)`);
    expect(second.source_passage).toBe(`'-2+3`);
    for (const record of records) {
      expect(Number.isInteger(Number(record.version))).toBe(true);
      expect(record.due_date === '' || /^\d{4}-\d{2}-\d{2}$/.test(record.due_date!)).toBe(true);
      expect(['true', 'false']).toContain(record.overdue);
    }
  });

  it('applies the list’s filters, in the list’s order', async () => {
    const query = '?sector=trade-investment&sort=reference&order=desc';
    const { bytes } = await download(commitmentsCsv, `/api/v1/commitments.csv${query}`);
    const records = parse(bytes.toString('utf8').slice(1), { columns: true }) as Record<string, string>[];
    const listed = await call(listRoute.GET, 'GET', `/api/v1/commitments${query}&pageSize=100`, { cookie: official });
    const references = (listed.json as { items: { reference: string }[] }).items.map((item) => item.reference);
    expect(references.length).toBeGreaterThan(1);
    expect(records.map((r) => r.reference)).toEqual(references);
    expect(new Set(records.map((r) => r.sector))).toEqual(new Set(['trade-investment']));
  });

  it('writes XLSX with a bold frozen header row and typed cells', async () => {
    const { response, bytes } = await download(commitmentsXlsx, '/api/v1/commitments.xlsx');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(COMMITMENT_COLUMNS.map((c) => c.key));
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.rowCount - 1).toBe(await listTotal(''));
    const column = (key: string) => COMMITMENT_COLUMNS.findIndex((c) => c.key === key) + 1;
    let dated = 0;
    sheet.eachRow((row, number) => {
      if (number === 1) return;
      expect(typeof row.getCell(column('version')).value).toBe('number');
      expect(typeof row.getCell(column('overdue')).value).toBe('boolean');
      const due = row.getCell(column('due_date')).value;
      if (due !== null) {
        expect(due).toBeInstanceOf(Date);
        dated += 1;
      }
      expect(row.getCell(column('updated_at')).value).toBeInstanceOf(Date);
      if (row.getCell(column('reference')).value === 'ISB-01') {
        const title = row.getCell(column('title'));
        expect(title.type).toBe(ExcelJS.ValueType.String);
        expect(title.value).toBe(`'=HYPERLINK("https://evil.example","Open")`);
      }
    });
    expect(dated).toBeGreaterThan(0);
  });

  it('writes an agenda’s updates in a period, one row per update with its readings and evidence', async () => {
    const [span] = await selectRows<{ from: string; to: string; n: number; with_readings: number }>(
      handle.db,
      sql`select min(created_at)::date::text as from, (min(created_at)::date + 60)::text as to,
                 count(*) filter (where created_at < (min_day.d + 61)::timestamp at time zone 'UTC')::int as n,
                 count(*) filter (where created_at < (min_day.d + 61)::timestamp at time zone 'UTC'
                                  and exists (select 1 from indicator_readings r where r.status_update_id = status_updates.id))::int as with_readings
            from status_updates, (select min(created_at)::date as d from status_updates) min_day`,
    );
    expect(span!.n).toBeGreaterThan(0);
    const { response, bytes } = await download(updatesCsv, `/api/v1/updates.csv?from=${span!.from}&to=${span!.to}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(`-${span!.from}-to-${span!.to}.csv`);
    const records = parse(bytes.toString('utf8').slice(1), { columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0]!)).toEqual(UPDATE_COLUMNS.map((c) => c.key));
    expect(records).toHaveLength(span!.n);
    const postedAt = records.map((r) => r.posted_at!);
    expect([...postedAt].sort()).toEqual(postedAt);
    expect(postedAt.every((t) => t.slice(0, 10) >= span!.from && t.slice(0, 10) <= span!.to)).toBe(true);
    expect(records.filter((r) => r.readings !== '')).toHaveLength(span!.with_readings);
    expect(records.find((r) => r.readings !== '')!.readings).toMatch(/: -?[\d.e+]+ .+ \(\d{4}-\d{2}-\d{2}\)/);

    const sector = records[0]!.sector!;
    const inSector = await download(updatesXlsx, `/api/v1/updates.xlsx?from=${span!.from}&to=${span!.to}&sector=${sector}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(inSector.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount - 1).toBe(records.filter((r) => r.sector === sector).length);
    expect(sheet.getRow(2).getCell(2).value).toBeInstanceOf(Date);
  });

  it('refuses bad parameters with 422 naming them, unknown agendas with 404, and nobody signed in with 401', async () => {
    const reversed = await download(updatesCsv, '/api/v1/updates.csv?from=2026-05-01&to=2026-04-01');
    expect(reversed.response.status).toBe(422);
    expect(JSON.parse(reversed.bytes.toString('utf8')).error.fields.to).toBeDefined();
    const badDate = await download(updatesCsv, '/api/v1/updates.csv?from=yesterday');
    expect(badDate.response.status).toBe(422);
    const unknown = await download(commitmentsCsv, '/api/v1/commitments.csv?colour=red');
    expect(unknown.response.status).toBe(422);
    const noAgenda = await download(updatesXlsx, '/api/v1/updates.xlsx?agenda=no-such-agenda');
    expect(noAgenda.response.status).toBe(404);
    const anonymous = await download(commitmentsCsv, '/api/v1/commitments.csv', 'anonymous');
    expect(anonymous.response.status).toBe(401);
  });
});

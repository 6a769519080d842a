import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../db/seed/accounts';
import { baseURL, expectAccessible, fresh, openCommitment, openSession, type Session } from './support/browser';

type Row = Record<string, string>;

describe('a staff member round-trips their commitments through a spreadsheet', () => {
  let staff: Session;
  beforeAll(async () => {
    staff = await openSession('staff@agenda.test');
  });
  afterAll(async () => {
    await staff?.close();
  });

  it('exports, edits two rows, previews, applies and sees the changes', async () => {
    const { page } = staff;
    const ministry = DEMO_ACCOUNTS.find((a) => a.email === 'staff@agenda.test')!.organisation!;

    // Download the list as CSV from the commitments page.
    await page.goto(`${baseURL()}/commitments`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV', exact: true }).click()]);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parse(text.slice(1), { columns: true }) as Row[];
    const own = rows.filter((r) => r.lead_organisation_a === ministry || r.lead_organisation_b === ministry);
    expect(own.length).toBeGreaterThanOrEqual(2);

    // Two edits, as in a spreadsheet: a new title, and a due date.
    const [first, second] = own;
    const title = fresh('Launch a joint trade portal');
    first!.title = title;
    second!.due_date = second!.due_date === '2027-12-31' ? '2027-11-30' : '2027-12-31';
    const edited = `\uFEFF${stringify(rows, { header: true, record_delimiter: 'windows' })}`;

    // The import page, from the list; the file goes in its labelled input.
    await page.getByRole('link', { name: 'Import from a spreadsheet' }).click();
    await page.waitForURL(`${baseURL()}/import`);
    await expectAccessible(page, 'the import page', { soft: true });
    await page.getByLabel(/Spreadsheet file/).setInputFiles({ name: 'commitments.csv', mimeType: 'text/csv', buffer: Buffer.from(edited) });
    await Promise.all([
      page.waitForURL(/\/import\/[0-9a-f-]{36}$/),
      page.getByRole('button', { name: 'Preview the import' }).click(),
    ]);
    await page.getByRole('heading', { level: 1, name: /Import preview/ }).waitFor();
    expect(await page.locator('#import-summary').textContent()).toBe('0 to create, 2 to change, 0 status updates, '
      + `${rows.length - 2} unchanged, 0 conflicts, 0 with errors.`);
    const table = page.getByRole('table', { name: 'What each row of the file would do' });
    const cells = await table.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim())),
    );
    expect(cells.map((c) => [c[1], c[3]])).toEqual([[first!.reference, 'change'], [second!.reference, 'change']]);
    expect(cells[0]![4]).toContain(`title: `);
    expect(cells[0]![4]).toContain(title);
    expect(cells[1]![4]).toContain('due_date: ');
    expect(cells[1]![4]).toContain(`→ “${second!.due_date}”`);
    await expectAccessible(page, 'the import preview', { soft: true });

    // Nothing is saved until it is applied.
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('applied') === '1'),
      page.getByRole('button', { name: 'Apply all 2 rows' }).click(),
    ]);
    await page.getByRole('status').filter({ hasText: 'The changes are saved.' }).waitFor();
    expect(await page.getByRole('button', { name: /Apply all/ }).count()).toBe(0);

    await openCommitment(page, first!.reference!);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`${first!.reference} ${title}`);
  });
});

import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseURL, headlineFigure, openChartTable, openSession, panel, parseNumber, type Session, waitForDashboard, waitForHeading,
} from './support/browser';

const pipeline = (page: Page) => panel(page, 'Pipeline by sector');

/** Opens a chart's data table the way a reader does, and returns its rows as text. */
async function openTable(section: Locator): Promise<string[][]> {
  const table = await openChartTable(section);
  await waitForDashboard(section.page());
  return table.locator('tbody tr, tfoot tr').evaluateAll((rows) =>
    rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim())),
  );
}

describe('officials', () => {
  let official: Session;
  beforeAll(async () => {
    official = await openSession('official@agenda.test');
  });
  afterAll(() => official?.close());

  it('read the dashboard and a sector page, with each chart’s figures in a table', async () => {
    const { page } = official;
    expect(new URL(page.url()).pathname, 'the dashboard is their home').toBe('/');
    await waitForDashboard(page);
    expect(await page.getByRole('heading', { name: /^At a glance/ }).isVisible()).toBe(true);
    const total = (await headlineFigure(page, 'Commitments')).value;
    const advanced = (await headlineFigure(page, 'Measurable or beyond')).value;
    expect(total).toBeGreaterThan(0);

    // The pipeline's table: one row per sector, and the column totals add up to the headline.
    const summary = (await pipeline(page).locator('.dash-panel__summary').textContent()) ?? '';
    expect(summary).toContain(`Of ${total} commitments, ${advanced} (`);
    const rows = await openTable(pipeline(page));
    const footer = rows.at(-1)!;
    expect(footer[0]).toBe('All sectors');
    expect(parseNumber(footer.at(-1)!)).toBe(total);
    const sectorRows = rows.slice(0, -1);
    expect(sectorRows.length).toBeGreaterThan(5);
    expect(sectorRows.reduce((sum, row) => sum + parseNumber(row.at(-1)!), 0)).toBe(total);
    for (const row of sectorRows) {
      // Each row's stages add up to its total.
      const stages = row.slice(1, -1).map(parseNumber);
      expect(stages.reduce((a, b) => a + b, 0), row[0]).toBe(parseNumber(row.at(-1)!));
    }
    // The chart draws the table's figures: a segment for every stage cell above zero, opening the
    // same commitments as that cell's link and naming its count.
    const cells = await pipeline(page).locator('table tbody td a[href*="stage="]').evaluateAll((links) =>
      links.map((a) => ({ href: a.getAttribute('href'), count: Number(a.textContent) })),
    );
    const segments = await pipeline(page).locator('.dash-chart a').evaluateAll((links) =>
      links.map((a) => ({ href: a.getAttribute('href'), count: Number(a.getAttribute('title')?.split(': ').pop()) })),
    );
    const byHref = (a: { href: string | null }, b: { href: string | null }) => (a.href ?? '').localeCompare(b.href ?? '');
    expect(segments.sort(byHref)).toEqual(cells.filter((c) => c.count > 0).sort(byHref));
    // A past week of the movement table opens the commitments as they stood then: as many as it says.
    const movement = panel(page, 'Movement over time');
    const weeks = await openTable(movement);
    const middle = Math.floor(weeks.length / 2);
    const weekTotal = parseNumber(weeks[middle]!.at(-1)!);
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/commitments' && url.searchParams.has('asOf')),
      movement.locator('table tbody tr').nth(middle).locator('td a').last().click(),
    ]);
    expect(await page.locator('#results-count').textContent()).toMatch(new RegExp(` of ${weekTotal} commitments?$`));
    await page.goBack();
    await waitForDashboard(page);
    // The table's own address opens the page with that table shown, and its link folds it away again.
    expect(new URL(page.url()).searchParams.get('table')).toBe('movement');
    expect(await movement.locator('table tbody tr').count()).toBe(weeks.length);
    await Promise.all([
      page.waitForURL((url) => !url.searchParams.has('table') && url.hash === '#movement'),
      movement.getByRole('link', { name: 'Hide the table' }).click(),
    ]);
    await waitForDashboard(page);
    expect(await movement.locator('table').count()).toBe(0);

    const energy = sectorRows.find((row) => row[0] === 'Energy');
    expect(energy, 'an Energy row').toBeDefined();

    // The sector page: the same panels for energy only, and its commitments.
    await page.getByRole('navigation', { name: 'Sectors' }).getByRole('link', { name: 'Energy', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/sectors/energy');
    await waitForHeading(page, /^Energy: sector overview$/);
    await waitForDashboard(page);
    const energyTotal = parseNumber(energy!.at(-1)!);
    expect((await headlineFigure(page, 'Commitments')).value).toBe(energyTotal);
    const sectorTable = await openTable(pipeline(page));
    expect(sectorTable).toEqual([energy]);
    const commitments = page.getByRole('table', { name: /^Every commitment of Energy/ });
    expect(energyTotal, 'the demo sector is within the sector table\'s cap').toBeLessThanOrEqual(20);
    expect(await commitments.locator('tbody tr').count()).toBe(energyTotal);
    const movesRows = await openTable(panel(page, 'Moves in the last 30 days'));
    expect(movesRows.map((row) => row[0])).toEqual(['Energy']);
  });

  it('see no form to change a commitment, and a direct POST from their session is refused', async () => {
    const { page } = official;
    await page.goto(`${baseURL()}/sectors/energy`);
    const first = page.getByRole('table', { name: /^Every commitment of Energy/ }).locator('tbody tr').first();
    const reference = (await first.locator('th').textContent())?.trim();
    await Promise.all([page.waitForURL(/\/commitments\/[0-9a-f-]{36}$/), first.getByRole('link').last().click()]);
    const id = new URL(page.url()).pathname.split('/').pop()!;
    await waitForHeading(page, reference!);
    const timelineBefore = await page.getByRole('heading', { name: /^Timeline of updates/ }).textContent();

    // They read everything, and there is nothing to fill in or press.
    expect(await page.getByRole('heading', { name: 'Source passage' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Post a status update' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Edit commitment' }).count()).toBe(0);
    expect(await page.locator('main textarea, main select').count()).toBe(0);
    // The one form is "Watch": following the commitment changes nothing of it.
    const forms = page.locator('main form');
    expect(await forms.count()).toBe(1);
    expect(await forms.getByRole('button').allTextContents()).toEqual(['Watch']);
    for (const name of ['Post update', 'Post comment', 'Post reply', 'Resolve thread', 'Reopen thread']) {
      expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    }
    expect(await page.getByText('Comment on this update').count()).toBe(0);

    // The edit page answers "no access" rather than a form.
    // (The status is 200: the page streams behind app/commitments/[id]/loading.tsx before it knows.)
    await page.goto(`${baseURL()}/commitments/${id}/edit`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('You do not have access to this page');
    expect(await page.locator('main form').count()).toBe(0);

    // The API with their own session cookie: refused, and nothing changes.
    const api = `${baseURL()}/api/v1/commitments/${id}`;
    const beforeRes = await page.request.get(api);
    expect(beforeRes.status()).toBe(200);
    const before = await beforeRes.json();
    expect(before.can).toEqual({ edit: false, update: false, comment: false });
    const refused = await page.request.post(`${api}/updates`, {
      data: { stage: 'achieved', health: 'on_track', narrative: 'Posted by an official', readings: [], evidence: ['https://example.org/x'], nextStep: '' },
      headers: { origin: baseURL() },
    });
    expect(refused.status()).toBe(403);
    const error = (await refused.json()).error;
    expect(error.code).toBe('forbidden');
    // Refused for who they are, not for where the request came from.
    expect(error.message).not.toContain('must come from this site');
    const comment = await page.request.post(`${api}/comments`, { data: { body: 'An official comment' }, headers: { origin: baseURL() } });
    expect(comment.status()).toBe(403);
    const patch = await page.request.patch(api, { data: { version: before.version, title: 'Changed by an official' }, headers: { origin: baseURL() } });
    expect(patch.status()).toBe(403);
    const after = await (await page.request.get(api)).json();
    expect({ stage: after.stage, health: after.health, version: after.version, title: after.title, updates: after.updates.length, comments: after.comments.length }).toEqual({
      stage: before.stage, health: before.health, version: before.version, title: before.title, updates: before.updates.length, comments: before.comments.length,
    });
    await page.goto(`${baseURL()}/commitments/${id}`);
    expect(await page.getByRole('heading', { name: /^Timeline of updates/ }).textContent()).toBe(timelineBefore);
  });
});

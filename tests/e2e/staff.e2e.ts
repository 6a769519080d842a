import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseURL, expectAccessible, focused, fresh, headlineFigure, openChartTable, openCommitment, openSession, panel, parseNumber, type Session,
  tableFigure, timelineEntry, waitForDashboard, waitForHeading,
} from './support/browser';

const MINISTRY = 'Ministry of Trade and Integration of the Republic of Kazakhstan';
const SECTOR = 'Trade and investment';
const ISB06 = 'Establish trade corridors between Kazakhstan and Pakistan';

/** The figures the journey expects to move: the headline and the pipeline's trade row. */
async function dashboardFigures(page: Page) {
  await waitForDashboard(page);
  const advanced = await headlineFigure(page, 'Measurable or beyond');
  const share = /^(\d+(?:\.\d+)?)\s?%/.exec(advanced.note);
  if (!share) throw new Error(`The headline note gives no share: “${advanced.note}”`);
  const total = (await headlineFigure(page, 'Commitments')).value;
  const pipeline = panel(page, 'Pipeline by sector');
  await openChartTable(pipeline);
  await waitForDashboard(page);
  return {
    advanced: advanced.value,
    share: Number(share[1]),
    total,
    tradeMeasurable: await tableFigure(pipeline, SECTOR, 'Measurable'),
    tradeInProgress: await tableFigure(pipeline, SECTOR, 'In progress'),
  };
}

describe('staff of a lead ministry', () => {
  let staff: Session;
  beforeAll(async () => {
    staff = await openSession('staff@agenda.test');
  });
  afterAll(() => staff?.close());

  it('find their commitment through the filters, move it to measurable progress with evidence, and the dashboard follows', async () => {
    const { page } = staff;

    // Before: the dashboard as it stands.
    await page.goto(`${baseURL()}/`);
    const before = await dashboardFigures(page);
    expect(before.tradeInProgress, 'ISB-06 starts in progress in the demo data').toBeGreaterThan(0);

    // The list, narrowed with the filter form to the ministry's trade commitments.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Commitments' }).click();
    await page.waitForURL((url) => url.pathname === '/commitments');
    const filters = page.getByRole('form', { name: 'Filter commitments' });
    await filters.getByLabel('Sector').selectOption({ label: SECTOR });
    const [organisationId] = await filters.getByLabel('Lead organisation').selectOption({ label: MINISTRY });
    expect(organisationId).toMatch(/^[0-9a-f-]{36}$/);
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/commitments' && url.searchParams.has('organisation')),
      filters.getByRole('button', { name: 'Apply filters' }).click(),
    ]);
    const url = new URL(page.url());
    expect(url.searchParams.get('sector')).toBe('trade-investment');
    expect(url.searchParams.get('organisation')).toBe(organisationId);

    // Every row is a trade commitment the ministry leads, and ISB-06 is one of them.
    const rows = page.locator('table.commitments-table tbody tr');
    const references = await rows.locator('td:first-child').allTextContents();
    expect(references).toContain('ISB-06');
    expect(references).not.toContain('ISB-07'); // transport, another ministry
    for (let i = 0; i < references.length; i++) {
      const cells = await rows.nth(i).locator('td, th').allTextContents();
      expect(cells[2], `row ${references[i]}`).toBe(SECTOR);
      expect(cells[5], `row ${references[i]}`).toContain(MINISTRY);
    }
    expect(await page.locator('#results-count').textContent()).toContain(`of ${references.length} commitment`);
    // The form shows the filters it applied, so the shared link reads the same.
    expect(await filters.getByLabel('Sector').inputValue()).toBe('trade-investment');
    expect(await filters.getByLabel('Lead organisation').inputValue()).toBe(organisationId);

    // The commitment page.
    await Promise.all([page.waitForURL(/\/commitments\/[0-9a-f-]{36}$/), rows.getByRole('link', { name: ISB06 }).click()]);
    await waitForHeading(page, `ISB-06 ${ISB06}`);
    const stageFact = page.locator('.facts div').filter({ has: page.locator('dt', { hasText: /^Stage as reported$/ }) }).locator('dd');
    expect((await stageFact.textContent())?.trim()).toBe('In progress');
    const timelineHeading = page.getByRole('heading', { name: /^Timeline of updates \(\d+\)$/ });
    const updatesBefore = parseNumber((await timelineHeading.textContent()) ?? '');

    // The update: measurable, with a reading that differs from the baseline and an evidence link.
    const form = page.getByRole('region', { name: 'Post a status update' });
    const narrative = fresh('The trade corridor road map was signed by both ministers.');
    const evidence = `https://example.org/kz-pk/corridor-road-map-${Date.now()}.pdf`;
    await form.getByLabel('New stage').selectOption('measurable');
    // The form explains up front what the move still needs…
    await form.getByText('Moving from In progress to Measurable is not possible yet:').waitFor();
    await form.getByRole('radio', { name: 'On track' }).check();
    await form.getByLabel('Value (count)').fill('1');
    await form.getByLabel('Narrative').fill(narrative);
    await form.getByLabel('Evidence links').fill(evidence);
    await form.getByLabel('Next step (optional)').fill('Sign the two corridor agreements.');
    // …and says when the rules are met.
    await form.getByText('Moving from In progress to Measurable: the rules are met.').waitFor();
    await form.getByRole('button', { name: 'Post update' }).click();

    const posted = page.getByRole('status').filter({ hasText: 'was posted' });
    await posted.waitFor();
    expect(await posted.textContent()).toMatch(new RegExp(`^Update ${updatesBefore + 1} was posted\\. The commitment is now Measurable, On track\\.$`));
    expect((await focused(page)).text, 'focus moves to the confirmation').toContain('was posted');

    // The update is at the top of the timeline, with its move, reading and evidence.
    const top = page.locator('ol.timeline > li').first();
    await expect.poll(() => top.textContent()).toContain(narrative);
    expect(await top.getByRole('heading', { level: 3 }).textContent()).toContain(`Update ${updatesBefore + 1}`);
    const move = (await top.locator('.timeline__move').textContent())?.replace(/\s+/g, ' ');
    expect(move).toContain('In progress');
    expect(move).toContain('moved to Measurable');
    expect(await top.textContent()).toContain('Trade corridor agreements and road maps signed: 1 count as of');
    expect(await top.getByRole('link', { name: evidence }).getAttribute('href')).toBe(evidence);
    expect(await top.textContent()).toContain('Posted by Demo Staff (Ministry of Trade and Integration)');
    await expect.poll(() => stageFact.textContent()).toContain('Measurable');
    await expect.poll(async () => parseNumber((await timelineHeading.textContent()) ?? '')).toBe(updatesBefore + 1);

    // It is stored, not just shown: a fresh load of the page has it on top.
    await page.reload();
    expect(await page.locator('ol.timeline > li').first().textContent()).toContain(narrative);

    // The dashboard: one more commitment at measurable or beyond, in trade and investment.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    const after = await dashboardFigures(page);
    expect(after.total).toBe(before.total);
    expect(after.advanced).toBe(before.advanced + 1);
    expect(after.share).toBeGreaterThan(before.share);
    expect(after.tradeMeasurable).toBe(before.tradeMeasurable + 1);
    expect(after.tradeInProgress).toBe(before.tradeInProgress - 1);
    // And the move is the latest update.
    const latest = panel(page, 'Latest updates').getByRole('listitem').first();
    const latestText = (await latest.textContent())?.replace(/\s+/g, ' ') ?? '';
    expect(latestText).toContain('ISB-06');
    expect(latestText).toContain('Stage: In progress to Measurable');
  });

  it('page back through a long timeline with a plain link, and return to the latest updates', async () => {
    const { page } = staff;
    const id = await openCommitment(page, 'ISB-18');
    // More than a page of updates, posted through the API: the stage and health stay as they are.
    const api = `${baseURL()}/api/v1/commitments/${id}`;
    const current = await (await page.request.get(api)).json();
    const label = fresh('Weekly check of the cooperation areas');
    for (let i = 1; i <= 21; i++) {
      const posted = await page.request.post(`${api}/updates`, {
        data: { stage: current.stage, health: current.health, narrative: `${label} [${i}]` }, headers: { origin: baseURL() },
      });
      expect(posted.status(), `update ${i}`).toBe(201);
    }
    await page.reload();
    const total = parseNumber((await page.getByRole('heading', { name: /^Timeline of updates \(\d+\)$/ }).textContent()) ?? '');
    expect(total).toBeGreaterThanOrEqual(21);
    const entries = page.locator('ol.timeline > li');
    expect(await entries.count()).toBe(20);
    expect(await page.getByText(`Showing 20 of ${total} updates.`).count()).toBe(1);
    expect(await entries.first().textContent()).toContain(`${label} [21]`);
    expect(await timelineEntry(page, `${label} [1]`).count(), 'the oldest of the new updates is on the next page').toBe(0);

    // A plain link, the page's place in the address: it works without JavaScript and can be shared.
    const earlier = page.getByRole('link', { name: 'Show earlier updates' });
    expect(await earlier.getAttribute('href')).toBe(`/commitments/${id}?before=${total - 19}#timeline-heading`);
    await Promise.all([page.waitForURL((url) => url.searchParams.get('before') === String(total - 19)), earlier.click()]);
    await expect.poll(() => entries.first().getByRole('heading', { level: 3 }).textContent()).toContain(`Update ${total - 20}`);
    expect(await entries.first().textContent()).toContain(`${label} [1]`);
    expect(await page.getByText(`Showing ${Math.min(20, total - 20)} of ${total} updates.`).count()).toBe(1);
    await expectAccessible(page, 'an earlier page of a commitment\u2019s timeline (staff)');

    // And back to the latest.
    await Promise.all([page.waitForURL((url) => !url.searchParams.has('before')), page.getByRole('link', { name: 'Back to the latest updates' }).click()]);
    await expect.poll(() => entries.first().textContent()).toContain(`${label} [21]`);

    // A cursor that is not one, or that has nothing before it: the latest updates, and a notice saying so.
    for (const cursor of ['not-a-cursor', '1']) {
      const answer = await page.goto(`${baseURL()}/commitments/${id}?before=${cursor}`);
      expect(answer?.status(), cursor).toBe(200);
      await page.getByRole('status').filter({ hasText: 'That page of the timeline does not exist, so the latest updates are shown.' }).waitFor();
      expect(await entries.first().textContent()).toContain(`${label} [21]`);
    }
  });
});

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, fresh, openCommitment, openSession, panel, type Session, tableFigure, waitForDashboard } from './support/browser';

const SECTOR = 'Trade and investment';

/** The trade row's achieved commitments on the dashboard in a view, as the official reads it in the pipeline's table. */
async function tradeAchieved(page: Page, view: 'reported' | 'confirmed'): Promise<number> {
  await page.goto(`${baseURL()}/?${view === 'confirmed' ? 'view=confirmed&' : ''}table=pipeline`);
  await waitForDashboard(page);
  const current = page.getByRole('navigation', { name: 'Figures' }).locator('[aria-current="page"]');
  expect((await current.textContent())?.trim()).toBe(view === 'confirmed' ? 'Confirmed by both' : 'As reported');
  return tableFigure(panel(page, 'Pipeline by sector'), SECTOR, 'Achieved');
}

/** The Kazakh staff member posts an achieved update with the target reading on ISB-18. */
async function postAchieved(page: Page, narrative: string): Promise<void> {
  await openCommitment(page, 'ISB-18');
  const form = page.getByRole('region', { name: 'Post a status update' });
  await form.getByLabel('New stage').selectOption('achieved');
  await form.getByRole('radio', { name: 'On track' }).check();
  await form.getByLabel('Value (count)').fill('10');
  await form.getByLabel('Narrative').fill(narrative);
  await form.getByLabel('Evidence links').fill(`https://example.org/kz-pk/targets-${Date.now()}.pdf`);
  await form.getByRole('button', { name: 'Post update' }).click();
  await page.getByRole('status').filter({ hasText: 'was posted' }).waitFor();
  const top = page.locator('ol.timeline > li').first();
  await expect.poll(() => top.textContent()).toContain(narrative);
  expect(await top.textContent()).toContain('Awaiting confirmation by Ministry of Commerce');
}

/** The counterpart's list item for the update with this narrative. */
function awaitingItem(page: Page, narrative: string) {
  return page.locator('ol.awaiting-list > li').filter({ hasText: narrative });
}

describe('both sides keep one record', () => {
  let kz: Session;
  let pk: Session;
  let official: Session;
  beforeAll(async () => {
    [kz, pk, official] = await Promise.all([openSession('staff@agenda.test'), openSession('staff.pk@agenda.test'), openSession('official@agenda.test')]);
  });
  afterAll(async () => {
    await Promise.all([kz?.close(), pk?.close(), official?.close()]);
  });

  it('a move the other side disputes stays out of the confirmed view until a later update is confirmed', async () => {
    const confirmedBefore = await tradeAchieved(official.page, 'confirmed');
    const reportedBefore = await tradeAchieved(official.page, 'reported');

    // The Kazakh side reports the targets met.
    const claim = fresh('Indicators and targets agreed for all ten areas of cooperation.');
    await postAchieved(kz.page, claim);
    expect(await tradeAchieved(official.page, 'reported')).toBe(reportedBefore + 1);
    expect(await tradeAchieved(official.page, 'confirmed')).toBe(confirmedBefore);

    // The Pakistani side sees it awaiting its confirmation, and disputes it: first without a note.
    const { page } = pk;
    await page.goto(`${baseURL()}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Awaiting your confirmation' }).click();
    await page.waitForURL((u) => u.pathname === '/confirmations');
    let item = awaitingItem(page, claim);
    await item.getByText(/^Dispute update \d+$/).click();
    await item.getByRole('button', { name: 'Dispute this update' }).click();
    await item.getByText(/A dispute needs a note of at least a sentence/).first().waitFor();
    const note = fresh('Two areas, energy and defence, still have no agreed targets on our side.');
    await item.getByLabel('What your side sees instead (at least a sentence)').fill(note);
    await item.getByRole('button', { name: 'Dispute this update' }).click();
    await expect.poll(() => awaitingItem(page, claim).count()).toBe(0);

    // The timeline shows the counterpart's note beside the claim; the confirmed view has not moved.
    await openCommitment(page, 'ISB-18');
    const disputed = page.locator('ol.timeline > li').filter({ hasText: claim });
    expect(await disputed.textContent()).toContain('Disputed by Demo Staff (Ministry of Commerce, Pakistan), Ministry of Commerce');
    expect(await disputed.textContent()).toContain(note);
    expect(await tradeAchieved(official.page, 'confirmed')).toBe(confirmedBefore);

    // A new update settles it, and the other side confirms it in one click.
    const settle = fresh('Targets agreed for all ten areas, energy and defence included, at the joint commission.');
    await postAchieved(kz.page, settle);
    await page.goto(`${baseURL()}/confirmations`);
    item = awaitingItem(page, settle);
    await item.getByRole('button', { name: /^Confirm update \d+$/ }).click();
    await expect.poll(() => awaitingItem(page, settle).count()).toBe(0);

    // The official sees the confirmed view change, and the commitment page says both stages.
    expect(await tradeAchieved(official.page, 'confirmed')).toBe(confirmedBefore + 1);
    await openCommitment(official.page, 'ISB-18');
    const facts = official.page.locator('.facts').first();
    expect(await facts.textContent()).toContain('Stage confirmed by both');
    const confirmedFact = facts.locator('div').filter({ has: official.page.locator('dt', { hasText: /^Stage confirmed by both$/ }) }).locator('dd');
    expect((await confirmedFact.textContent())?.trim()).toBe('Achieved');
    expect(await official.page.locator('ol.timeline > li').filter({ hasText: settle }).textContent()).toContain('Confirmed by Demo Staff (Ministry of Commerce, Pakistan)');
    for (const s of [kz, pk, official]) expect(s.messageErrors).toEqual([]);
  });
});

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseURL, DEMO_PASSWORD, expectAccessible, focused, focusIsWithin, fresh, openSession, type Session, tabTo, waitForDashboard, waitForHeading,
} from './support/browser';

// Keyboard only: Tab, Shift+Tab, arrows, Space, Enter and typing. No click() and no fill() here;
// addresses are typed in (goto), as a keyboard user does with the address bar or a shared link.

async function signInWithKeyboard(page: Page, email: string): Promise<void> {
  await page.goto(`${baseURL()}/sign-in`);
  await tabTo(page, '#email');
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_PASSWORD);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/sign-in')), page.keyboard.press('Enter')]);
}

const value = (page: Page, selector: string) => page.locator(selector).inputValue();
const checkedHealth = (page: Page) => page.locator('form.update-form input[name="health"]:checked').inputValue();

describe('keyboard only', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession();
  });
  afterAll(() => session?.close());

  it('staff post a status update and a comment, and focus follows each answer', async () => {
    const { page } = session;
    await signInWithKeyboard(page, 'staff@agenda.test');
    expect(new URL(page.url()).pathname).toBe('/');

    // To ISB-02 from a shared link to the list, by its row's link.
    await page.goto(`${baseURL()}/commitments?q=ISB-02`);
    await tabTo(page, 'table.commitments-table tbody th a');
    await Promise.all([page.waitForURL(/\/commitments\/[0-9a-f-]{36}$/), page.keyboard.press('Enter')]);
    await waitForHeading(page, 'ISB-02');

    // The stage list: one step down with the arrow key is a move the rules do not allow yet.
    await tabTo(page, '#update-stage');
    const initialStage = await value(page, '#update-stage');
    await page.keyboard.press('ArrowDown');
    const nextStage = await value(page, '#update-stage');
    expect(nextStage).not.toBe(initialStage);
    await page.locator('#update-rules').getByText('is not possible yet').waitFor();
    await tabTo(page, 'form.update-form button[type="submit"]');
    await page.keyboard.press('Enter');

    // The server refuses; focus moves to the error summary, which names the problem.
    const errors = page.locator('#update-errors');
    await errors.waitFor();
    await expect.poll(() => focused(page).then((f) => f.id), { timeout: 5000 }).toBe('update-errors');
    expect(await errors.getAttribute('role')).toBe('alert');
    expect(await errors.textContent()).toContain('There is a problem');
    await expectAccessible(page, 'the update form showing errors');

    // Back to the current stage with the other arrow key, another health with the arrows of the radio group.
    await tabTo(page, '#update-stage');
    await page.keyboard.press('ArrowUp');
    expect(await value(page, '#update-stage')).toBe(initialStage);
    const initialHealth = await checkedHealth(page);
    await page.keyboard.press('Tab');
    expect((await focused(page)).name).toBe('health');
    await page.keyboard.press('ArrowRight');
    const health = await checkedHealth(page);
    expect(health).not.toBe(initialHealth);
    const healthLabel = ({ on_track: 'On track', at_risk: 'At risk', off_track: 'Off track' } as Record<string, string>)[health];

    // The narrative, an evidence link, and Enter in the last text field to post.
    const narrative = fresh('Year-end turnover figures compiled with the Ministry of Commerce.');
    const evidence = `https://example.org/kz-pk/turnover-${Date.now()}`;
    await tabTo(page, '#update-narrative');
    await page.keyboard.type(narrative);
    await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe('update-evidence');
    await page.keyboard.type(evidence);
    await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe('update-next-step');
    await page.keyboard.type('Present the figures at the state visit.');
    await page.keyboard.press('Enter');

    // Posted: focus moves to the confirmation, and the update tops the timeline.
    const posted = page.getByRole('status').filter({ hasText: 'was posted' });
    await posted.waitFor();
    await expect.poll(() => focused(page).then((f) => f.text), { timeout: 5000 }).toMatch(/^Update \d+ was posted\. The commitment is now .+, .+\.$/);
    expect(await posted.textContent()).toContain(`, ${healthLabel}.`);
    const top = page.locator('ol.timeline > li').first();
    await expect.poll(() => top.textContent()).toContain(narrative);
    expect(await top.textContent()).toContain(`Health: ${healthLabel}`);
    expect(await top.getByRole('link', { name: evidence }).count()).toBe(1);

    // A comment on that update: its toggle opens with Enter; an empty comment is refused first.
    await tabTo(page, 'ol.timeline > li:first-child details.reply > summary');
    await page.keyboard.press('Enter');
    expect(await top.locator('details.reply').first().evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await tabTo(page, 'ol.timeline > li:first-child details.reply textarea');
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Post comment');
    await page.keyboard.press('Enter');
    const commentErrors = top.locator('.comment-form [role="alert"]');
    await commentErrors.waitFor();
    await expect.poll(() => focusIsWithin(page, 'ol.timeline > li:first-child .comment-form [role="alert"]'), { timeout: 5000 }).toBe(true);
    expect(await commentErrors.textContent()).toContain('There is a problem');

    const comment = fresh('Please add the customs source of these figures.');
    await tabTo(page, 'ol.timeline > li:first-child details.reply textarea');
    await page.keyboard.type(comment);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    const thanks = top.getByRole('status').filter({ hasText: 'Your comment was posted.' });
    await thanks.waitFor();
    await expect.poll(() => focused(page).then((f) => f.text), { timeout: 5000 }).toBe('Your comment was posted.');
    await top.locator('ol.threads').getByText(comment, { exact: true }).waitFor();
    expect(await top.locator('ol.threads .comment__meta').first().textContent()).toContain('Demo Staff');

    // The thread resolved from the keyboard; focus stays on its button, which now offers to reopen it.
    await tabTo(page, 'ol.timeline > li:first-child ol.threads > li .inline-form button');
    expect((await focused(page)).text).toBe('Resolve thread');
    await page.keyboard.press('Enter');
    await top.locator('ol.threads > li.thread--resolved').waitFor();
    await expect.poll(() => focused(page).then((f) => f.text), { timeout: 5000 }).toBe('Reopen thread');
  });

  it('every chart on the dashboard links to its table, which the keyboard reaches, opens and folds away', async () => {
    const { page } = session;
    await page.goto(`${baseURL()}/`);
    await waitForDashboard(page);
    // Every chart and the panel it sits in, by the panel's heading id; no table is sent until asked for.
    const charts = await page.locator('main section .dash-chart').evaluateAll((imgs) => imgs.map((img) => img.closest('section')?.getAttribute('aria-labelledby')));
    expect(charts).toEqual(expect.arrayContaining(['pipeline', 'movement', 'moves']));
    expect(await page.locator('main section:has(.dash-chart) table').count()).toBe(0);
    const reached: string[] = [];
    for (let i = 0; i < 200 && reached.length < charts.length; i++) {
      await page.keyboard.press('Tab');
      const panel = await page.evaluate(() => {
        const el = document.activeElement;
        const section = el?.closest('section');
        return el?.matches('.dash-table-link > a') && section?.querySelector('.dash-chart') ? section.getAttribute('aria-labelledby') ?? '?' : null;
      });
      if (!panel || reached.includes(panel)) continue;
      expect((await focused(page)).text, panel).toBe('Show the figures as a table');
      await Promise.all([page.waitForURL((url) => url.searchParams.get('table') === panel), page.keyboard.press('Enter')]);
      await waitForDashboard(page);
      const table = page.locator(`section[aria-labelledby="${panel}"] #${panel}-table table`);
      await table.waitFor({ state: 'visible' });
      expect(await table.locator('tbody tr').count(), panel).toBeGreaterThan(0);
      // The address names the table, and the keyboard reaches its "hide" link in the panel.
      expect(new URL(page.url()).hash).toBe(`#${panel}-table`);
      expect((await tabTo(page, `#${panel}-table .dash-table-link > a`)).text, panel).toBe('Hide the table');
      // Folded away with it, back at the panel; the walk goes on to the next chart.
      await Promise.all([page.waitForURL((url) => !url.searchParams.has('table') && url.hash === `#${panel}`), page.keyboard.press('Enter')]);
      await waitForDashboard(page);
      expect(await page.locator(`section[aria-labelledby="${panel}"] table`).count(), panel).toBe(0);
      reached.push(panel);
    }
    expect(reached).toEqual(charts);
  });
});

import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { baseURL, expectAccessible, openCommitment, openSession, screenshot, type Session, waitForDashboard } from './support/browser';

// axe-core (WCAG 2.0, 2.1 and 2.2, A and AA) on every page, as each role sees it. The checks are
// soft, so one run lists the violations of every page; any violation fails the test.

const sessions: Session[] = [];
async function as(email?: string): Promise<Page> {
  const session = await openSession(email);
  sessions.push(session);
  return session.page;
}

/** Opens every <details> (comment and reply forms, resolved threads), so axe sees what they hold. */
async function openAllDetails(page: Page): Promise<number> {
  return page.locator('main details').evaluateAll((all) => {
    for (const d of all) (d as HTMLDetailsElement).open = true;
    return all.length;
  });
}

/** Checks the page as it loads, then again with everything folded away unfolded. */
async function check(page: Page, label: string, options: Options = {}): Promise<void> {
  if (options.dashboard) await waitForDashboard(page);
  await page.locator('main h1').first().waitFor();
  if (options.shot) await screenshot(page, options.shot);
  await expectAccessible(page, label, { soft: true });
  if ((await openAllDetails(page)) > 0) await expectAccessible(page, `${label}, every toggle open`, { soft: true });
}

interface Options {
  /** Wait for the dashboard's panels and charts. */
  dashboard?: boolean;
  /** Save a full-page screenshot under this name (artifacts/screenshots/), as the page loads. */
  shot?: string;
}

/** Opens `path`, checks it, and returns the HTTP status it answered with. */
async function visit(page: Page, path: string, label: string, options: Options = {}): Promise<number> {
  const response = await page.goto(`${baseURL()}${path}`);
  await check(page, label, options);
  return response?.status() ?? 0;
}

describe('accessibility of every page, for every role (axe, WCAG 2.2 A and AA)', () => {
  afterAll(async () => {
    await Promise.all(sessions.map((s) => s.close()));
  });

  afterEach(() => {
    // Every page's client components found their messages.
    expect(sessions.flatMap((s) => s.messageErrors.splice(0))).toEqual([]);
  });

  it('anonymous: the sign-in page, and its error state', async () => {
    const page = await as();
    await visit(page, '/sign-in', 'the sign-in page');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Next's route announcer also has role=alert: wait for the form's own error summary.
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    await expectAccessible(page, 'the sign-in page with an empty submission', { soft: true });
  });

  it('official: dashboard, sector page, filtered list, commitment page, no-access and not-found pages', async () => {
    const page = await as('official@agenda.test');
    await visit(page, '/', 'the dashboard (official)', { dashboard: true, shot: 'dashboard' });
    await visit(page, '/sectors/energy', 'the Energy sector page (official)', { dashboard: true, shot: 'sector-energy' });
    await visit(page, '/?view=confirmed', 'the dashboard, confirmed by both (official)', { dashboard: true });
    // Each chart's table, which a page shows only when its address asks for it.
    for (const table of ['pipeline', 'movement', 'moves']) {
      await visit(page, `/?table=${table}`, `the dashboard with the ${table} table (official)`, { dashboard: true });
      expect(await page.locator(`#${table}-table table`).count(), table).toBe(1);
    }
    await visit(page, '/sectors/energy?view=confirmed&table=pipeline', 'the Energy sector page with the pipeline table (official)', { dashboard: true });
    await visit(page, '/commitments?view=confirmed&stage=agreed', 'the commitments list of a confirmed-view figure (official)');
    await visit(page, '/commitments', 'the commitments list (official)');
    await visit(page, '/commitments?sector=energy&stage=agreed&stage=in_progress&health=on_track&sort=due&order=desc', 'the commitments list with filters (official)');
    await visit(page, '/commitments?stage=agreed&asOf=2026-05-01', 'the commitments list as it stood on a past day (official)');
    await visit(page, '/commitments?stage=nonsense', 'the commitments list with a bad filter (official)');
    await visit(page, '/commitments?q=no-such-commitment-anywhere', 'the commitments list with no result (official)');
    const id = await openCommitment(page, 'ISB-02');
    await check(page, 'a commitment page (official view)', { shot: 'commitment-official' });
    expect(await visit(page, `/commitments/${id}/edit`, 'the edit page refused to an official (403)')).toBe(403);
    expect(await visit(page, '/commitments/new', 'the new-commitment page refused to an official (403)')).toBe(403);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('You do not have access to this page');
    expect(await visit(page, '/commitments/00000000-0000-4000-8000-000000000000', 'a commitment that does not exist (404)')).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Commitment not found');
    expect((await page.goto(`${baseURL()}/commitments/not-a-commitment-id/edit`))?.status(), 'a malformed id').toBe(404);
  });

  it('staff: commitment page with its forms, edit page, new-commitment page and its errors', async () => {
    const page = await as('staff@agenda.test');
    await visit(page, '/', 'the dashboard (staff)', { dashboard: true });
    const id = await openCommitment(page, 'ISB-02');
    expect(await page.getByRole('heading', { name: 'Post a status update' }).count()).toBe(1);
    await check(page, 'a commitment page with the update and comment forms (staff view)', { shot: 'commitment-staff' });
    await visit(page, `/commitments/${id}/edit`, 'the edit page (staff)');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Edit ISB-02');
    await page.getByLabel('Title').fill('');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    await expectAccessible(page, 'the edit page with an error (staff)', { soft: true });
    await visit(page, '/commitments/new', 'the new-commitment page (staff)');
    await page.getByRole('button', { name: 'Create commitment' }).click();
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    await expectAccessible(page, 'the new-commitment page with errors (staff)', { soft: true });
  });

  it('counterpart staff: awaiting their confirmation, and a commitment page with decision forms', async () => {
    const page = await as('staff.pk@agenda.test');
    await visit(page, '/confirmations', 'awaiting your confirmation (staff.pk)');
    expect(await page.getByRole('button', { name: /^Confirm update \d+$/ }).count()).toBeGreaterThan(0);
    await openCommitment(page, 'ISB-18');
    await check(page, 'a commitment page with decision forms (staff.pk)');
  });

  it('reviewer: a commitment page with comment forms and resolve buttons', async () => {
    const page = await as('reviewer@agenda.test');
    await openCommitment(page, 'ISB-06');
    expect(await page.getByRole('button', { name: /^(Resolve|Reopen) thread$/ }).count()).toBeGreaterThan(0);
    await check(page, 'a commitment page (reviewer view)');
  });

  it('admin: the dashboard, the new-commitment page and every administration page', async () => {
    const page = await as('admin@agenda.test');
    await visit(page, '/', 'the dashboard (admin)', { dashboard: true });
    await visit(page, '/commitments/new', 'the new-commitment page (admin)');
    await visit(page, '/admin', 'the administration overview');
    await visit(page, '/admin/users', 'the users page');
    await Promise.all([
      page.waitForURL(/\/admin\/users\/[0-9a-f-]{36}$/),
      page.getByRole('table').first().getByRole('link', { name: 'Demo Staff (Ministry of Trade and Integration)' }).click(),
    ]);
    await check(page, 'a user’s page');
    await visit(page, '/admin/organisations', 'the organisations page');
    await visit(page, '/admin/sectors', 'the sectors page');
    await page.getByRole('link', { name: 'Rename Energy' }).click();
    await page.getByRole('heading', { name: 'Rename Energy' }).waitFor();
    await check(page, 'the sectors page renaming a sector');
    await visit(page, '/admin/agendas', 'the agendas page');
    await visit(page, '/admin/audit', 'the audit log');
  });
});

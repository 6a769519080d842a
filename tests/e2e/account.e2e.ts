import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, expectAccessible, focused, openSession, type Session, signIn } from './support/browser';

const EMAIL = 'reviewer@agenda.test';
const DEMO_PASSWORD = 'demo-password-2026';
const NEW_PASSWORD = 'a-sound-new-passphrase-for-review';

/** Fills the change-password form on /account and sends it with the keyboard. */
async function changePassword(page: Page, current: string, next: string, again = next): Promise<void> {
  await page.goto(`${baseURL()}/account`);
  await page.getByLabel('Current password').fill(current);
  await page.getByLabel('New password', { exact: true }).fill(next);
  await page.getByLabel('New password again').fill(again);
  await page.getByLabel('New password again').press('Enter');
}

describe('people changing their own password', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession(EMAIL);
  });
  afterAll(() => session?.close());

  it('are told what is wrong, then signed out everywhere and sign in with the new password only', async () => {
    const { page } = session;
    await page.goto(`${baseURL()}/`);
    await page.getByRole('link', { name: 'Your account' }).click();
    await page.waitForURL((url) => url.pathname === '/account');
    await expectAccessible(page, 'the account page');

    // A wrong current password: the summary takes the focus and names the field; nothing changes.
    await changePassword(page, 'not-my-password-at-all', NEW_PASSWORD);
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    await expect.poll(() => focused(page).then((f) => f.id)).toBe('change-password-errors');
    expect(await page.getByRole('alert').filter({ hasText: 'There is a problem' }).textContent()).toContain('This is not your current password.');
    expect(await page.getByLabel('Current password').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'the account page with an error');

    // The right one: every session ends, this one too, and sign-in says why.
    await changePassword(page, DEMO_PASSWORD, NEW_PASSWORD);
    await page.waitForURL((url) => url.pathname === '/sign-in');
    expect(await page.getByRole('status').filter({ hasText: 'Your password has been changed' }).count()).toBe(1);
    await page.goto(`${baseURL()}/account`);
    expect(new URL(page.url()).pathname, 'signed out').toBe('/sign-in');

    await page.getByLabel('Email address').fill(EMAIL);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    await signIn(page, EMAIL, NEW_PASSWORD);

    // Back to the demo password, so the other journeys can sign in as before.
    await changePassword(page, NEW_PASSWORD, DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await signIn(page, EMAIL, DEMO_PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/');
  });
});

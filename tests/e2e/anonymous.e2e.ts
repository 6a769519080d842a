import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, expectAccessible, openBrowser } from './support/browser';

describe('anonymous visitors', () => {
  let browser: BrowserContext;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(() => browser.close());

  it('are sent to sign-in, and brought back to the page they asked for', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL()}/commitments?sector=energy`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(new URL(page.url()).searchParams.get('callbackUrl')).toBe('/commitments?sector=energy');
    await expectAccessible(page, 'the sign-in page');
    await page.getByLabel('Email address').fill('official@agenda.test');
    await page.getByLabel('Password').fill('demo-password-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/commitments');
    expect(new URL(page.url()).search).toBe('?sector=energy');
    await page.close();
  });

  it('get one message for a wrong password that does not say which part was wrong', async () => {
    await browser.clearCookies();
    const page = await browser.newPage();
    const attempt = async (email: string, password: string) => {
      await page.goto(`${baseURL()}/sign-in`);
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'There is a problem' });
      await alert.waitFor();
      return (await alert.textContent())?.trim();
    };
    const wrongPassword = await attempt('reviewer@agenda.test', 'not-the-password-at-all');
    const unknownAccount = await attempt('nobody@agenda.test', 'demo-password-2026');
    expect(wrongPassword).toContain('The email address or password is not correct');
    expect(unknownAccount).toBe(wrongPassword);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await expectAccessible(page, 'the sign-in page with an error');
    await page.close();
  });

  it('get 401 from the API and no data', async () => {
    const response = await fetch(`${baseURL()}/api/v1/commitments`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: 'unauthenticated', message: 'Sign in to continue.' } });
  });
});

import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { baseURL, DEMO_PASSWORD, expectAccessible, openBrowser, openSession, screenshot, type Session } from './support/browser';

// Each language on the main pages: lang and dir, no English sentence of the app left over (names and
// what people typed are content and may be in any language), axe clean, screenshots kept.

const sessions: Session[] = [];
afterAll(async () => {
  await Promise.all(sessions.map((s) => s.close()));
});

/** The English catalogue's sentences: messages of three or more words with no argument to fill in. */
function englishSentences(): string[] {
  const dir = path.resolve('messages', 'en');
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (typeof node === 'string') {
      if (!node.includes('{') && !node.includes('<') && node.trim().split(/\s+/).length >= 3) out.push(node.trim());
    } else if (node && typeof node === 'object') for (const v of Object.values(node)) walk(v);
  };
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) walk(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
  return out;
}
const ENGLISH = englishSentences();

/** The dashboard's panels all streamed in, found by their ids rather than their (translated) names. */
async function waitForPanels(page: Page): Promise<void> {
  await page.locator('section[aria-labelledby="headline"]').waitFor();
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null, undefined, { timeout: 30_000 });
}

async function inLanguage(locale: string): Promise<Page> {
  const session = await openSession('official@agenda.test');
  sessions.push(session);
  await session.context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseURL() }]);
  return session.page;
}

async function expectLanguage(page: Page, locale: string, label: string): Promise<void> {
  await page.locator('main h1').first().waitFor();
  expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), label).toEqual([locale, locale === 'ur' ? 'rtl' : 'ltr']);
  // Open every folded section, so the tables and forms behind them are read too.
  await page.locator('main details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  const text = await page.locator('body').innerText();
  expect.soft(ENGLISH.filter((sentence) => text.includes(sentence)), `English left on ${label}`).toEqual([]);
  await expectAccessible(page, label, { soft: true });
}

describe.each(['ru', 'kk', 'ur'])('the main pages in %s', (locale) => {
  it('dashboard, sector page, list and a commitment page read wholly in the language, mirrored for Urdu', async () => {
    const page = await inLanguage(locale);
    // With a chart's table shown, so that the table is read too.
    await page.goto(`${baseURL()}/?table=movement`);
    await waitForPanels(page);
    await screenshot(page, `dashboard-${locale}`);
    await expectLanguage(page, locale, `the dashboard (${locale})`);
    if (locale === 'ur') {
      // Right to left: the brand sits at the right edge, the navigation to its left.
      const brand = await page.locator('.site-header__brand').boundingBox();
      const nav = await page.locator('.site-nav').boundingBox();
      expect(brand!.x).toBeGreaterThan(nav!.x);
      expect(brand!.x + brand!.width).toBeGreaterThan(1280 / 2);
    }

    await page.goto(`${baseURL()}/sectors/energy?table=pipeline`);
    await waitForPanels(page);
    await expectLanguage(page, locale, `the Energy sector page (${locale})`);

    await page.goto(`${baseURL()}/commitments?q=ISB-02`);
    await expectLanguage(page, locale, `the commitments list (${locale})`);
    await Promise.all([page.waitForURL(/\/commitments\/[0-9a-f-]{36}$/), page.locator('table.commitments-table tbody tr th a').first().click()]);
    await page.getByRole('heading', { level: 1, name: /ISB-02/ }).waitFor();
    await screenshot(page, `commitment-${locale}`);
    await expectLanguage(page, locale, `a commitment page (${locale})`);

    await page.goto(`${baseURL()}/no-such-page`);
    await expectLanguage(page, locale, `the not-found page (${locale})`);
    expect(sessions.flatMap((s) => s.messageErrors.splice(0))).toEqual([]);
  });
});

describe('choosing a language', () => {
  it('works on the sign-in page without JavaScript', async () => {
    const context = await openBrowser({ javaScriptEnabled: false });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${baseURL()}/sign-in`);
      await page.getByRole('button', { name: 'اردو' }).click();
      await page.waitForFunction(() => document.documentElement?.lang === 'ur');
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      expect((await context.cookies()).find((c) => c.name === 'NEXT_LOCALE')?.value).toBe('ur');
    } finally {
      await context.close();
    }
  });

  it('is kept across sign-out and sign-in, and follows the user to another browser', async () => {
    const session = await openSession();
    sessions.push(session);
    const { page } = session;
    await page.goto(`${baseURL()}/sign-in`);
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.waitForFunction(() => document.documentElement?.lang === 'ru');
    const signInHere = async () => {
      await page.locator('input[name="email"]').fill('reviewer@agenda.test');
      await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
      await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/sign-in')), page.locator('form button[type="submit"]').last().click()]);
    };
    await signInHere();
    await page.locator('main h1').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');

    // Chosen in the header while signed in: kept in the profile too.
    await page.goto(`${baseURL()}/commitments?stage=agreed`);
    await page.getByRole('button', { name: 'Қазақша' }).click();
    await page.waitForFunction(() => document.documentElement?.lang === 'kk');
    expect(new URL(page.url()).search).toBe('?stage=agreed');

    await Promise.all([page.waitForURL(/\/sign-in/), page.locator('.site-user form button').click()]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('kk');
    await signInHere();
    await page.locator('main h1').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('kk');

    // Another browser, no cookie, English asked for: the profile decides once signed in.
    const other = await openSession('reviewer@agenda.test');
    sessions.push(other);
    await other.page.locator('main h1').first().waitFor();
    expect(await other.page.evaluate(() => document.documentElement.lang)).toBe('kk');

    // Back to English, so the journeys after this one find the demo account as they expect.
    await other.page.getByRole('button', { name: 'English' }).click();
    await other.page.waitForFunction(() => document.documentElement?.lang === 'en');
  });
});

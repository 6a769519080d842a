import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { baseURL, expectAccessible, openSession, type Session, waitForHeading } from './support/browser';

async function pdfText(bytes: Uint8Array) {
  const { totalPages, text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: false });
  return { totalPages, pages: text.map((p) => p.replace(/\s+/g, ' ')) };
}

// The done-when journey: an official opens the briefing from the talks to today, prints it and
// downloads the PDF, holds the review on the state visit's date, and the next briefing starts from it.
describe('the briefing', () => {
  let official: Session;
  beforeAll(async () => {
    official = await openSession('official@agenda.test');
  });
  afterAll(() => official?.close());

  it('opens from the talks to today, with its figures linked to the rows behind them', async () => {
    const { page } = official;
    await page.goto(`${baseURL()}/briefing`);
    await waitForHeading(page, 'Briefing:');
    expect(await page.getByText('Since the signing on 2026-02-04.').isVisible()).toBe(true);
    for (const heading of ['Headline', 'Pipeline and movement', 'What moved, by sector', 'What is stuck', 'Decisions needed']) {
      expect(await page.getByRole('heading', { level: 2, name: heading }).isVisible(), heading).toBe(true);
    }
    const measurable = page.locator('.briefing-headline tr', { hasText: 'At measurable or beyond' }).locator('a');
    expect(await measurable.getAttribute('href')).toMatch(/^\/commitments\?agenda=.*stage=measurable%2Cachieved&asOf=\d{4}-\d{2}-\d{2}$/);
    expect(await page.getByText('Demo data', { exact: true }).first().isVisible()).toBe(true);
    await expectAccessible(page, 'briefing');
  });

  it('prints on A4 without navigation, a new page per sector, links written out', async () => {
    const { page } = official;
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.briefing-actions').isVisible()).toBe(false);
    const sectors = await page.locator('.briefing-sector').count();
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    const { totalPages, pages } = await pdfText(pdf);
    // Headline and charts, then each sector and the stuck list each from a page of its own.
    expect(totalPages).toBeGreaterThanOrEqual(sectors + 1);
    expect(pages[0]).toContain('Headline');
    expect(pages.join(' ')).not.toContain('Sign out');
    expect(pages.join(' ')).toMatch(/\[\/commitments\//);
    const stuckPage = pages.findIndex((p) => p.includes('What is stuck'));
    expect(pages[stuckPage]!.trimStart().startsWith('What is stuck') || stuckPage > 0).toBe(true);
    // The first printed page as an image (kept with the other screenshots): an A4 page at 96 dpi.
    await page.setViewportSize({ width: 794, height: 1123 });
    fs.mkdirSync(path.resolve('artifacts', 'screenshots'), { recursive: true });
    await page.screenshot({ path: path.resolve('artifacts', 'screenshots', 'briefing-print-first-page.png'), clip: { x: 0, y: 0, width: 794, height: 1123 } });
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('downloads the same briefing as a PDF, named after the parties and the day', async () => {
    const { page } = official;
    const href = await page.getByRole('link', { name: 'Download PDF' }).getAttribute('href');
    const answer = await page.request.get(`${baseURL()}${href}`);
    expect(answer.status()).toBe(200);
    expect(answer.headers()['content-type']).toBe('application/pdf');
    expect(answer.headers()['content-disposition']).toMatch(/^attachment; filename="briefing-kz-pk-\d{4}-\d{2}-\d{2}\.pdf"$/);
    const { totalPages, pages } = await pdfText(await answer.body());
    expect(totalPages).toBeGreaterThan(3);
    expect(pages[0]).toContain('Briefing');
    expect(pages.join(' ')).toContain('What is stuck');
  });

  it('holds the state visit’s review, and the next briefing starts from it', async () => {
    const { page } = official;
    const answer = await page.goto(`${baseURL()}/reviews`);
    expect(answer?.status(), (await page.locator('main').textContent())?.slice(0, 400)).toBe(200);
    await waitForHeading(page, 'Reviews');
    await page.getByRole('link', { name: 'State visit to review implementation' }).click();
    await waitForHeading(page, 'State visit to review implementation');
    // The visit's planned date has not come in this run: move it to today first, then hold it.
    const today = new Date().toISOString().slice(0, 10);
    await page.getByLabel('Date', { exact: true }).fill(today);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Review saved.').waitFor();
    await page.getByRole('button', { name: 'Hold this review' }).click();
    // Once held, the page shows the frozen record in place of the forms.
    await page.getByRole('heading', { name: 'Held against the current state' }).waitFor({ timeout: 60_000 });
    expect(await page.getByRole('button', { name: 'Hold this review' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Frozen PDF' }).isVisible()).toBe(true);
    await expectAccessible(page, 'held review');
    await page.goto(`${baseURL()}/briefing`);
    await waitForHeading(page, 'Briefing:');
    expect(await page.getByText(`Since the review “State visit to review implementation” on ${today}.`).isVisible()).toBe(true);
  });
});

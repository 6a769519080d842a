import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import axe from 'axe-core';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const DEMO_PASSWORD = 'demo-password-2026';
const SCREENSHOT_DIR = path.resolve('artifacts', 'screenshots');

export function baseURL(): string {
  return inject('baseURL');
}

/** A fresh Chromium profile: Debian's browser, flags that keep it off the network. */
export async function openBrowser(options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'agenda-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  // The profile goes with the browser (best effort: Chromium may still be writing as it quits).
  context.on('close', () => {
    void fs.promises.rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).catch(() => undefined);
  });
  return context;
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseURL()}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/sign-in')), page.getByRole('button', { name: 'Sign in' }).click()]);
}

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** The WCAG 2.0/2.1/2.2 A and AA violations axe-core finds in the page as it is now. */
async function axeViolations(page: Page): Promise<{ id: string; impact: string | null | undefined; help: string; targets: string[] }[]> {
  // Through the DevTools protocol, so the page's Content-Security-Policy does not apply.
  await page.evaluate(axe.source);
  return page.evaluate(async (tags) => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  }, WCAG_TAGS);
}

/**
 * Expects no WCAG A/AA violation in the page. `soft` records a failure and lets the journey go on,
 * so one run lists the violations of every page.
 */
export async function expectAccessible(page: Page, label: string, options: { soft?: boolean } = {}): Promise<void> {
  // After a server action or a client-side navigation the page's metadata streams in after its body:
  // check the page once its title is there (a page that never gets one fails on the wait).
  await page.waitForFunction(() => document.title.trim() !== '', undefined, { timeout: 5000 });
  const violations = await axeViolations(page);
  const message = `axe found WCAG A/AA violations on ${label} (${new URL(page.url()).pathname})`;
  if (options.soft) expect.soft(violations, message).toEqual([]);
  else expect(violations, message).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

// ---------------------------------------------------------------------------------------------
// Journeys: one signed-in person per browser, and the few ways the tests read what a person sees.

export interface Session {
  context: BrowserContext;
  page: Page;
  /**
   * What the message catalogue reported in the browser (a client component asking for a message
   * its page did not send it shows the key instead of the text, and says so in the console).
   */
  messageErrors: string[];
  close(): Promise<void>;
}

/** A fresh browser with one page, signed in as `email` (anonymous when no email is given). */
export async function openSession(email?: string): Promise<Session> {
  const context = await openBrowser();
  const page = context.pages()[0] ?? (await context.newPage());
  const messageErrors: string[] = [];
  page.on('console', (message) => {
    if (/MISSING_MESSAGE|INSUFFICIENT_PATH|IntlError/.test(message.text())) messageErrors.push(`${page.url()}: ${message.text()}`);
  });
  if (email) await signIn(page, email);
  return { context, page, messageErrors, close: () => context.close() };
}

/** Waits until every streamed dashboard panel has replaced its skeleton (its chart comes drawn with it). */
export async function waitForDashboard(page: Page): Promise<void> {
  await page.getByRole('region', { name: /^At a glance/ }).waitFor();
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null, undefined, { timeout: 30_000 });
}

/** What has the keyboard focus: enough to tell elements apart in an assertion message. */
export interface Focused {
  tag: string;
  id: string;
  role: string | null;
  text: string;
  name: string | null;
  type: string | null;
}

export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      id: el?.id ?? '',
      role: el?.getAttribute('role') ?? null,
      text: (el?.innerText ?? '').replace(/\s+/g, ' ').trim().slice(0, 200),
      name: el?.getAttribute('name') ?? null,
      type: el?.getAttribute('type') ?? null,
    };
  });
}

/**
 * Presses Tab (Shift+Tab when `backwards`) until the focused element matches `selector`, as a
 * keyboard user moves through a page; fails when it is not reached within `max` presses.
 */
export async function tabTo(page: Page, selector: string, options: { max?: number; backwards?: boolean } = {}): Promise<Focused> {
  const max = options.max ?? 150;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return focused(page);
  }
  throw new Error(`Tab never reached ${selector} in ${max} presses; focus is on ${JSON.stringify(await focused(page))}`);
}

/** Whether the focused element is, or is inside, an element matching `selector`. */
export function focusIsWithin(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((s) => document.activeElement?.closest(s) != null, selector);
}

/** The dashboard's headline card with this label (in the "At a glance" panel): its figure and its note. */
export async function headlineFigure(page: Page, label: string): Promise<{ value: number; note: string }> {
  const card = page
    .getByRole('region', { name: /^At a glance/ })
    .getByRole('listitem')
    .filter({ has: page.locator('.card__label', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }) });
  const value = (await card.locator('.card__value').textContent())?.trim() ?? '';
  const note = (await card.locator('.dash-card__note').textContent())?.trim() ?? '';
  return { value: parseNumber(value), note };
}

/** A dashboard panel (a section named by its heading, which may end with a "Demo data" badge). */
export function panel(page: Page, heading: string): Locator {
  return page.getByRole('region', { name: new RegExp(`^${escapeRegExp(heading)}( Demo data)?$`) });
}

/**
 * Opens a chart's table the way a reader does: the table is not in the page until its link is
 * followed, and then the address names it (`?table=<panel>#<panel>-table`), ready to be shared.
 * Returns the table.
 */
export async function openChartTable(section: Locator): Promise<Locator> {
  const page = section.page();
  const id = await section.getAttribute('aria-labelledby');
  expect(await section.locator('table').count(), `the ${id} table is not sent until asked for`).toBe(0);
  await Promise.all([
    page.waitForURL((url) => url.searchParams.get('table') === id && url.hash === `#${id}-table`),
    section.getByRole('link', { name: 'Show the figures as a table' }).click(),
  ]);
  const table = page.locator(`section[aria-labelledby="${id}"] #${id}-table table`);
  await table.waitFor({ state: 'visible' });
  return table;
}

/**
 * A figure from the data table of a chart (opened with `openChartTable`, or by its address): the
 * row whose header is `row`, the column whose header is `column`.
 */
export async function tableFigure(scope: Locator, row: string, column: string): Promise<number> {
  const table = scope.locator('table').first();
  const headers = (await table.locator('thead th').allTextContents()).map((h) => h.replace(/\s+/g, ' ').trim());
  const col = headers.indexOf(column);
  if (col < 0) throw new Error(`No column “${column}”: ${headers.join(' | ')}`);
  const tr = table.locator('tr').filter({ has: scope.page().locator('th[scope="row"]', { hasText: new RegExp(`^\\s*${escapeRegExp(row)}\\s*$`) }) });
  if ((await tr.count()) !== 1) throw new Error(`Expected one row “${row}”, found ${await tr.count()}`);
  const cells = await tr.locator('th, td').allTextContents();
  const cell = cells[col];
  if (cell === undefined) throw new Error(`Row “${row}” has no cell in column “${column}”`);
  return parseNumber(cell);
}

export function parseNumber(text: string): number {
  const digits = text.replace(/[^\d.-]/g, '');
  const value = Number(digits);
  if (digits === '' || !Number.isFinite(value)) throw new Error(`Not a number: “${text}”`);
  return value;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A string no earlier run or journey has used, so a journey can find exactly what it wrote. */
export function fresh(label: string): string {
  return `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * Opens a commitment as a person would by its reference: the list's search box, then the row's
 * title. Returns the commitment's id (from the address it lands on).
 */
export async function openCommitment(page: Page, reference: string): Promise<string> {
  await page.goto(`${baseURL()}/commitments`);
  const filters = page.getByRole('form', { name: 'Filter commitments' });
  await filters.getByLabel('Search title, description, source or reference').fill(reference);
  await Promise.all([
    page.waitForURL((url) => url.searchParams.get('q') === reference),
    filters.getByRole('button', { name: 'Apply filters' }).click(),
  ]);
  const row = page.locator('table.commitments-table tbody tr').filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^${escapeRegExp(reference)}$`) }) });
  await Promise.all([page.waitForURL(/\/commitments\/[0-9a-f-]{36}$/), row.locator('th a').click()]);
  await waitForHeading(page, reference);
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** The timeline entry (one status update) that contains `text`. */
export function timelineEntry(page: Page, text: string) {
  return page.locator('ol.timeline > li').filter({ hasText: text });
}

/**
 * Waits for the page's h1 to contain `text`. After a client-side navigation the address changes
 * before the new page has replaced the old one, so a journey waits for what the person waits for.
 */
export async function waitForHeading(page: Page, text: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name: typeof text === 'string' ? new RegExp(escapeRegExp(text)) : text }).waitFor();
}

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, expectAccessible, openSession, type Session } from './support/browser';

/** Every Content-Security-Policy violation the page reports, from its first script on. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return async () => [...console, ...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []))];
}

describe('the API reference and a token made under Your account', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession('staff@agenda.test');
  });
  afterAll(() => session?.close());

  it('renders /api/docs from this site under the strict Content-Security-Policy, with no violation', async () => {
    const { page } = session;
    const violations = await watchViolations(page);
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(baseURL()) && !request.url().startsWith('data:')) outside.push(request.url());
    });
    const answer = await page.goto(`${baseURL()}/api/docs`);
    expect(answer?.status()).toBe(200);
    const csp = answer?.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(csp).not.toContain("'unsafe-eval'");
    // Scalar draws the document's operations once it has read /api/v1/openapi.json.
    await page.getByText('List commitments').first().waitFor({ timeout: 30_000 });
    await page.getByText('Agenda tracker API').first().waitFor();
    // Open the tokens' group: its operations are there too.
    await page.getByRole('button', { name: /API tokens/ }).first().click();
    await page.getByText('Make an API token').first().waitFor();
    expect(await violations()).toEqual([]);
    expect(outside).toEqual([]);
  });

  it('makes a read token under Your account, shows it once, and the token reads but may not write', async () => {
    const { page } = session;
    await page.goto(`${baseURL()}/account`);
    await page.getByLabel('Name').fill('Ministry reporting system');
    await page.getByLabel('read: reads only').check();
    await page.getByLabel('Expires in (days)').fill('30');
    await page.getByRole('button', { name: 'Make a token' }).click();
    const shown = page.getByTestId('new-token');
    await shown.waitFor();
    const token = (await shown.textContent())!.trim();
    expect(token).toMatch(/^agt_/);
    await expectAccessible(page, 'the account page with a new token');

    const read = await fetch(`${baseURL()}/api/v1/commitments?pageSize=1`, { headers: { authorization: `Bearer ${token}` } });
    expect(read.status).toBe(200);
    expect(read.headers.get('set-cookie')).toBeNull();
    expect((await read.json()).total).toBeGreaterThan(0);
    const write = await fetch(`${baseURL()}/api/v1/commitments`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}',
    });
    expect(write.status).toBe(403);

    // Listed with its last use, then revoked: it stops at once.
    await page.reload();
    const row = page.getByRole('row', { name: /Ministry reporting system/ });
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByText('Revoked').waitFor();
    const after = await fetch(`${baseURL()}/api/v1/commitments?pageSize=1`, { headers: { authorization: `Bearer ${token}` } });
    expect(after.status).toBe(401);
  });
});

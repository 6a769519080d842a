import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, expectAccessible, focused, fresh, openSession, type Session } from './support/browser';

describe('an administrator adding organisations', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession('admin@agenda.test');
  });
  afterAll(() => session?.close());

  it('is told in the form when the database refuses the row, and what to fix when the name is taken', async () => {
    const { page } = session;
    await page.goto(`${baseURL()}/admin/organisations`);
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Add organisation' }) });
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });

    // A NUL character passes every check before the insert; PostgreSQL refuses it (SQLSTATE 22021).
    await form.getByLabel('Name', { exact: true }).evaluate((input: HTMLInputElement) => {
      input.value = 'Ministry\u0000of Nothing';
    });
    await form.getByLabel('Country', { exact: true }).fill('KZ');
    await form.getByRole('button', { name: 'Add organisation' }).click();
    await summary.waitFor();
    expect(await summary.textContent()).toContain('The data was refused by the database rules. Nothing was changed.');
    await expect.poll(() => focused(page).then((f) => f.id)).toBe('new-organisation-errors');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Organisations');

    // A name the country already has: the field says so, and the summary links to it.
    const name = fresh('Agency');
    await form.getByLabel('Name', { exact: true }).fill(name);
    await form.getByRole('button', { name: 'Add organisation' }).click();
    await page.getByRole('status').filter({ hasText: `${name} was added.` }).waitFor();
    await form.getByLabel('Name', { exact: true }).fill(name.toUpperCase());
    await form.getByLabel('Country', { exact: true }).fill('KZ');
    await form.getByRole('button', { name: 'Add organisation' }).click();
    await summary.filter({ hasText: 'already has this name' }).waitFor();
    expect(await summary.getByRole('link').textContent()).toBe('Name: An organisation of this country already has this name.');
    expect(await form.getByLabel('Name', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'the organisations page with an error');
    expect(session.messageErrors).toEqual([]);
  });
});

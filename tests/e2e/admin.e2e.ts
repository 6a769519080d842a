import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, expectAccessible, focused, fresh, openSession, screenshot, type Session } from './support/browser';

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

describe('an administrator keeping the sectors', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession('admin@agenda.test');
  });
  afterAll(() => session?.close());

  it('adds a sector, renames it and archives it, after which new commitments are not offered it', async () => {
    const { page } = session;
    await page.goto(`${baseURL()}/admin/sectors`);
    const add = page.locator('form').filter({ has: page.getByRole('button', { name: 'Add sector' }) });
    const name = fresh('Sector');
    await add.getByLabel('Name', { exact: true }).fill(name);
    await add.getByRole('button', { name: 'Add sector' }).click();
    await page.getByRole('status').filter({ hasText: `${name} was added.` }).waitFor();
    await page.getByRole('row', { name: new RegExp(name) }).getByRole('cell', { name: 'In use' }).waitFor();

    await page.getByRole('link', { name: `Rename ${name}` }).click();
    await page.getByRole('heading', { name: `Rename ${name}` }).waitFor();
    const renamed = `${name} renamed`;
    const rename = page.locator('form').filter({ has: page.getByRole('button', { name: 'Save name' }) });
    await rename.getByLabel('Name', { exact: true }).fill(renamed);
    await rename.getByRole('button', { name: 'Save name' }).click();
    await page.getByRole('status').filter({ hasText: 'The sector was renamed.' }).waitFor();
    await page.getByRole('rowheader', { name: renamed }).waitFor();

    await page.getByRole('button', { name: 'Archive' }).click();
    await page.getByRole('status').filter({ hasText: `${renamed} is archived` }).waitFor();
    await page.getByRole('row', { name: new RegExp(renamed) }).getByText(/Archived since/).waitFor();
    await page.getByRole('button', { name: 'Take out of archive' }).waitFor();
    await expectAccessible(page, 'the sectors page with a sector archived');
    await screenshot(page, 'admin-sectors-archived');

    await page.goto(`${baseURL()}/commitments/new`);
    const sectors = await page.getByLabel('Sector', { exact: true }).locator('option').allTextContents();
    expect(sectors).toContain('Energy');
    expect(sectors).not.toContain(renamed);
    expect(session.messageErrors).toEqual([]);
  });
});

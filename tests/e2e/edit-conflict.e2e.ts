import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, expectAccessible, focused, fresh, openCommitment, openSession, type Session } from './support/browser';

describe('two people editing one commitment', () => {
  let admin: Session;
  let staff: Session;
  beforeAll(async () => {
    [admin, staff] = await Promise.all([openSession('admin@agenda.test'), openSession('staff@agenda.test')]);
  });
  afterAll(async () => {
    await Promise.all([admin?.close(), staff?.close()]);
  });

  it('the second to save is told, keeps what they typed, and can apply it on top', async () => {
    const id = await openCommitment(admin.page, 'ISB-18');
    const editUrl = `${baseURL()}/commitments/${id}/edit`;

    // Both open the edit page of ISB-18 before either saves.
    await admin.page.getByRole('link', { name: 'Edit commitment' }).click();
    await admin.page.waitForURL(editUrl);
    await staff.page.goto(editUrl);
    expect(await staff.page.getByRole('heading', { level: 1 }).textContent()).toBe('Edit ISB-18');
    const originalTitle = await staff.page.getByLabel('Title').inputValue();
    const originalDescription = await staff.page.getByLabel('Description').inputValue();

    // The administrator saves a new description first.
    const theirDescription = fresh('The sides report against the agreed targets every quarter.');
    await admin.page.getByLabel('Description').fill(theirDescription);
    await Promise.all([
      admin.page.waitForURL((url) => url.pathname === `/commitments/${id}` && url.searchParams.get('saved') === '1'),
      admin.page.getByRole('button', { name: 'Save changes' }).click(),
    ]);
    expect(await admin.page.getByRole('status').filter({ hasText: 'saved' }).textContent()).toBe('Your changes were saved.');

    // The staff member, still on the page as it was, changes the title and saves.
    const myTitle = fresh('Agree measurable targets for every area and report progress each quarter');
    await staff.page.getByLabel('Title').fill(myTitle);
    await staff.page.getByRole('button', { name: 'Save changes' }).click();
    const conflict = staff.page.getByRole('alert').filter({ hasText: 'Someone else saved this commitment while you were editing' });
    await conflict.waitFor();
    expect(new URL(staff.page.url()).pathname, 'nothing was saved, the form stays').toBe(`/commitments/${id}/edit`);
    expect((await focused(staff.page)).id, 'focus moves to the message').toBe('edit-conflict');
    await expectAccessible(staff.page, 'the edit page showing a conflict', { soft: true });

    // Nothing of theirs is lost, and they see the other change.
    expect(await staff.page.getByLabel('Title').inputValue()).toBe(myTitle);
    expect(await staff.page.getByLabel('Description').inputValue()).toBe(theirDescription);
    const differences = conflict.getByRole('table', { name: 'What differs between the latest saved version and yours' });
    const rows = await differences.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim())),
    );
    expect(rows).toEqual([
      ['Title', originalTitle, myTitle, 'Yours replaces it'],
      ['Description', theirDescription, originalDescription, 'Theirs is kept (you had not changed it)'],
    ]);

    // Apply on top: both changes are saved.
    await Promise.all([
      staff.page.waitForURL((url) => url.pathname === `/commitments/${id}` && url.searchParams.get('saved') === '1'),
      conflict.getByRole('button', { name: 'Apply my changes on top of the latest version' }).click(),
    ]);
    expect(await staff.page.getByRole('status').filter({ hasText: 'saved' }).textContent()).toBe('Your changes were saved.');
    expect(await staff.page.getByRole('heading', { level: 1 }).textContent()).toBe(`ISB-18 ${myTitle}`);
    expect(await staff.page.locator('article.commitment').textContent()).toContain(theirDescription);

    // The administrator, reloading, sees both.
    await admin.page.goto(`${baseURL()}/commitments/${id}`);
    expect(await admin.page.getByRole('heading', { level: 1 }).textContent()).toBe(`ISB-18 ${myTitle}`);
    expect(await admin.page.locator('article.commitment').textContent()).toContain(theirDescription);
  });
});

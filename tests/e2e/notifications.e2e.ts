import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, expectAccessible, fresh, openCommitment, openSession, type Session } from './support/browser';

describe('notifications', () => {
  let staff: Session;
  let reviewer: Session;
  beforeAll(async () => {
    [staff, reviewer] = await Promise.all([openSession('staff@agenda.test'), openSession('reviewer@agenda.test')]);
  });
  afterAll(async () => {
    await Promise.all([staff?.close(), reviewer?.close()]);
  });

  it('the reviewer replies; the staff member sees the bell count and opens the reply', async () => {
    // Start from nothing unread (earlier journeys may have left notifications).
    const page = staff.page;
    await page.goto(`${baseURL()}/notifications`);
    const markAll = page.getByRole('button', { name: 'Mark all read' });
    if (await markAll.count()) {
      await markAll.click();
      await page.getByText('Nothing unread', { exact: false }).or(page.getByText(/, 0 unread$/)).first().waitFor();
    }
    await page.getByRole('link', { name: 'Notifications, none unread' }).waitFor();

    // The staff member asks on a commitment their ministry leads.
    const question = fresh('Who signs the protocol on the Kazakh side?');
    const id = await openCommitment(page, 'ISB-18');
    const comments = page.getByRole('region', { name: 'Comments on the commitment' });
    await comments.getByLabel('Add a comment').fill(question);
    await comments.getByRole('button', { name: 'Post comment' }).click();
    await comments.getByRole('status').filter({ hasText: 'Your comment was posted.' }).waitFor();

    // The reviewer replies in that thread.
    const answer = fresh('The first deputy minister, per the road map.');
    await reviewer.page.goto(`${baseURL()}/commitments/${id}`);
    const thread = reviewer.page.locator('ol.threads > li').filter({ hasText: question });
    await thread.getByText('Reply', { exact: true }).click();
    await thread.getByLabel('Your reply to Demo Staff').fill(answer);
    await thread.getByRole('button', { name: 'Post reply' }).click();
    await thread.locator('ol.comment-replies > li').filter({ hasText: answer }).waitFor();

    // The staff member's next page shows the bell with one unread, rendered by the server.
    await page.goto(`${baseURL()}/`);
    const bell = page.getByRole('link', { name: 'Notifications, 1 unread' });
    await bell.waitFor();
    expect(await page.getByTestId('bell-count').textContent()).toBe('1');
    await Promise.all([page.waitForURL(/\/notifications$/), bell.click()]);
    await expectAccessible(page, 'the notifications page (staff)');
    const item = page.getByRole('button', { name: /^Demo Reviewer replied in your thread on ISB-18/ });
    expect(await item.count()).toBe(1);

    // Opening it (by keyboard) goes to the exact reply and marks it read.
    await item.focus();
    await Promise.all([page.waitForURL(new RegExp(`/commitments/${id}#comment-[0-9a-f-]{36}$`)), page.keyboard.press('Enter')]);
    const anchor = new URL(page.url()).hash.slice(1);
    const target = page.locator(`[id="${anchor}"]`);
    await target.waitFor();
    expect(await target.textContent()).toContain(answer);
    await page.getByRole('link', { name: 'Notifications, none unread' }).waitFor();
  });
});

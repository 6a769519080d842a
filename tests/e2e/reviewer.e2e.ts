import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, fresh, openCommitment, openSession, type Session, timelineEntry } from './support/browser';

describe('reviewers', () => {
  let staff: Session;
  let reviewer: Session;
  beforeAll(async () => {
    [staff, reviewer] = await Promise.all([openSession('staff@agenda.test'), openSession('reviewer@agenda.test')]);
  });
  afterAll(async () => {
    await Promise.all([staff?.close(), reviewer?.close()]);
  });

  it('comment on a staff update, reply, resolve the thread, and the staff member sees all of it', async () => {
    // Staff post an update on ISB-18 (the stage stays; the narrative is new to this run).
    const narrative = fresh('Targets agreed for an eighth area of cooperation.');
    const id = await openCommitment(staff.page, 'ISB-18');
    const form = staff.page.getByRole('region', { name: 'Post a status update' });
    await form.getByLabel('Narrative').fill(narrative);
    await form.getByRole('button', { name: 'Post update' }).click();
    await staff.page.getByRole('status').filter({ hasText: 'was posted' }).waitFor();

    // The reviewer opens the same commitment and finds the update.
    const page = reviewer.page;
    await page.goto(`${baseURL()}/commitments/${id}`);
    const entry = timelineEntry(page, narrative);
    expect(await entry.count()).toBe(1);
    expect(await entry.textContent()).toContain('Posted by Demo Staff');
    expect(await page.getByRole('heading', { name: 'Post a status update' }).count(), 'a reviewer posts no updates').toBe(0);

    // A comment on that update.
    const comment = fresh('Which area is the eighth, and where is the signed record?');
    await entry.getByText('Comment on this update').click();
    await entry.getByLabel(/^Your comment on update \d+$/).fill(comment);
    await entry.getByRole('button', { name: 'Post comment' }).click();
    await entry.getByRole('status').filter({ hasText: 'Your comment was posted.' }).waitFor();
    const thread = entry.locator('ol.threads > li').filter({ hasText: comment });
    await thread.waitFor();
    expect(await thread.locator('.comment__meta').first().textContent()).toContain('Demo Reviewer · Reviewer');

    // A reply in the same thread.
    const reply = fresh('Adding: please also name the ministry that signed it.');
    await thread.getByText('Reply', { exact: true }).click();
    await thread.getByLabel('Your reply to Demo Reviewer').fill(reply);
    await thread.getByRole('button', { name: 'Post reply' }).click();
    const replyItem = thread.locator('ol.comment-replies > li').filter({ hasText: reply });
    await replyItem.waitFor();
    expect(await thread.locator('.comment').count()).toBe(2);

    // Resolved: the thread folds into a summary that says by whom.
    await thread.getByRole('button', { name: 'Resolve thread' }).click();
    const resolved = entry.locator('ol.threads > li.thread--resolved');
    await resolved.waitFor();
    const resolvedSummary = (await resolved.locator('summary').first().textContent())?.replace(/\s+/g, ' ') ?? '';
    expect(resolvedSummary).toContain('Resolved');
    expect(resolvedSummary).toContain('by Demo Reviewer on');
    expect(resolvedSummary).toContain('(2 comments)');
    expect(await resolved.getByRole('button', { name: 'Reopen thread' }).count()).toBe(1);

    // The staff member, in their own browser, sees the comment, the reply and that it is resolved.
    await staff.page.reload();
    const staffEntry = timelineEntry(staff.page, narrative);
    const staffThread = staffEntry.locator('ol.threads > li.thread--resolved');
    expect(await staffThread.count()).toBe(1);
    const summary = staffThread.locator('summary').first();
    expect((await summary.textContent())?.replace(/\s+/g, ' ')).toContain(`Resolved by Demo Reviewer on`);
    const commentBody = staffThread.locator('.comment-list').getByText(comment, { exact: true });
    const replyBody = staffThread.locator('.comment-replies').getByText(reply, { exact: true });
    expect(await commentBody.isVisible(), 'folded until opened').toBe(false);
    await summary.click();
    expect(await commentBody.isVisible()).toBe(true);
    expect(await replyBody.isVisible()).toBe(true);
    expect(await staffThread.locator('ol.comment-replies .comment__meta').textContent()).toContain('Demo Reviewer');
  });
});

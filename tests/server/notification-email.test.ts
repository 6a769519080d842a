import { sql } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as commentsRoute from '../../app/api/v1/commitments/[id]/comments/route';
import * as unsubscribeRoute from '../../app/api/unsubscribe/route';
import type { DatabaseHandle } from '../../db/connect';
import { selectRows } from '../../db/rows';
import { deliverEmail } from '../../lib/server/notifications/deliver';
import { smtpMailer } from '../../lib/server/notifications/mailer';
import { type JobRunner, startJobs } from '../../lib/server/jobs/worker';
import { EMAIL_QUEUE } from '../../lib/server/jobs/queues';
import { CATALOGUES } from '../../messages';
import { call, commitmentId } from '../support/api';
import { sessionCookieFor, TEST_AUTH_SECRET, useDatabase } from '../support/app';
import { openSeeded, testEngines } from '../support/seeded';
import { startSmtpServer } from '../support/smtp';

const PUBLIC_URL = 'https://agenda.example.gov';

/** A header's value as sent (unfolded), without mailparser's interpretation. */
function rawHeader(mail: ParsedMail, key: string): string | undefined {
  const line = mail.headerLines.find((h) => h.key === key)?.line;
  return line?.slice(line.indexOf(':') + 1).replace(/\r?\n\s+/g, ' ').trim();
}
const unsubscribeUrl = (mail: ParsedMail) => /^<([^>]+)>/.exec(rawHeader(mail, 'list-unsubscribe') ?? '')?.[1] ?? '';
const quiet = { info() {}, warn: (o: object) => console.error('WARN', o), error: (o: object) => console.error('ERR', o) };

// E-mail through the job queue to a real SMTP server, parsed as a mail client would.
describe.each(testEngines())('notification e-mail on $name', (engine) => {
  let handle: DatabaseHandle;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let jobs: JobRunner;
  const cookies: Record<string, string> = {};
  let corridors: string;
  let thread: string;

  const reply = (who: string, body: string) =>
    call(commentsRoute.POST, 'POST', `/api/v1/commitments/${corridors}/comments`, { cookie: cookies[who], params: { id: corridors }, body: { body, parentId: thread } });

  beforeAll(async () => {
    [handle, smtp] = await Promise.all([openSeeded(engine), startSmtpServer()]);
    useDatabase(handle);
    process.env.AUTH_SECRET = TEST_AUTH_SECRET;
    for (const [who, email] of Object.entries({ staff: 'staff@agenda.test', reviewer: 'reviewer@agenda.test' })) cookies[who] = await sessionCookieFor(handle, email);
    corridors = await commitmentId(handle, 'ISB-06');
    jobs = await startJobs({
      handle, env: { smtpUrl: smtp.url, mailFrom: 'Agenda tracker <agenda@example.gov>', publicUrl: PUBLIC_URL },
      secret: TEST_AUTH_SECRET, log: quiet, schedule: false, pollMs: 200,
    });
    const opened = await call(commentsRoute.POST, 'POST', `/api/v1/commitments/${corridors}/comments`, {
      cookie: cookies.reviewer, params: { id: corridors }, body: { body: 'Which border posts are in the pilot?' },
    });
    thread = opened.json.id;
  });
  afterAll(async () => {
    await jobs?.stop();
    await smtp?.close();
    await handle?.close();
  });

  it('mails a reply at once: recipient, subject, both bodies with the exact link, one-click unsubscribe headers', async () => {
    const posted = await reply('staff', 'Khorgos and Torugart first.');
    const [mail] = await smtp.waitFor(1);
    expect(mail!.to).toEqual(['reviewer@agenda.test']);
    const { parsed } = mail!;
    expect(parsed.from?.text).toContain('agenda@example.gov');
    expect(parsed.subject).toMatch(/replied in your thread on ISB-06/);
    const link = `${PUBLIC_URL}/commitments/${corridors}#comment-${posted.json.id}`;
    expect(parsed.text).toContain(link);
    expect(parsed.html).toContain(link.replace('#', '#'));
    expect(parsed.html).toContain('<a href=');
    expect(unsubscribeUrl(parsed)).toMatch(new RegExp(`^${PUBLIC_URL}/api/unsubscribe\\?token=`));
    expect(rawHeader(parsed, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    // Staff of the leads chose nothing: comments reach them in the daily digest, not at once.
    expect(smtp.received.every((m) => m.to[0] === 'reviewer@agenda.test')).toBe(true);
  });

  it('coalesces a burst into one e-mail per person and commitment per ten minutes', async () => {
    const before = smtp.received.length;
    for (let i = 0; i < 25; i += 1) await reply('staff', `Detail ${i + 1} of the pilot.`);
    await jobs.drainNow();
    await new Promise((r) => setTimeout(r, 2500));
    expect(smtp.received.length).toBe(before);
    // One later job waits for the window to close; move it and the window as if ten minutes passed.
    const waiting = await selectRows<{ n: number }>(handle.db, sql`select count(*)::int as n from pgboss.job where name = ${EMAIL_QUEUE} and state = 'created' and start_after > now()`);
    expect(waiting[0]!.n).toBe(1);
    await handle.db.execute(sql`update email_deliveries set last_sent_at = now() - interval '11 minutes'`);
    await handle.db.execute(sql`update pgboss.job set start_after = now() where name = ${EMAIL_QUEUE} and state = 'created'`);
    const mails = await smtp.waitFor(before + 1);
    await new Promise((r) => setTimeout(r, 1500));
    expect(smtp.received.length).toBe(before + 1);
    expect(mails.at(-1)!.parsed.subject).toBe('25 new notifications on ISB-06');
    expect(mails.at(-1)!.parsed.text!.match(/replied in your thread/g)).toHaveLength(25);
  });

  it('unsubscribes with the link once, refuses a forged or reused one, and then sends that kind no more', async () => {
    const url = new URL(unsubscribeUrl(smtp.received[0]!.parsed));
    const token = url.searchParams.get('token')!;
    const forged = token.replace('thread_reply', 'update_posted');
    const post = (t: string) => call(unsubscribeRoute.POST, 'POST', `/api/unsubscribe?token=${encodeURIComponent(t)}`, { body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect((await post(forged)).status).toBe(400);
    const first = await post(token);
    expect(first.status).toBe(200);
    expect(first.text).toContain('Replies in threads you took part in');
    expect((await post(token)).status).toBe(400);
    const [pref] = await selectRows<{ mode: string }>(handle.db, sql`select p.mode from notification_preferences p join users u on u.id = p.user_id where u.email = 'reviewer@agenda.test' and p.kind = 'thread_reply'`);
    expect(pref!.mode).toBe('off');
    const before = smtp.received.length;
    await handle.db.execute(sql`update email_deliveries set last_sent_at = null`);
    await reply('staff', 'One more detail.');
    await jobs.drainNow();
    await new Promise((r) => setTimeout(r, 1500));
    expect(smtp.received.length).toBe(before);
  });

  it('writes the e-mail in the language the person chose', async () => {
    await handle.db.execute(sql`update notification_preferences set mode = 'now'`);
    await handle.db.execute(sql`update email_deliveries set last_sent_at = null`);
    await handle.db.execute(sql`update users set locale = 'ru' where email = 'reviewer@agenda.test'`);
    const before = smtp.received.length;
    await reply('staff', 'Khorgos first, then Torugart.');
    const mails = await smtp.waitFor(before + 1);
    const { parsed } = mails.at(-1)!;
    expect(parsed.subject).toContain('ISB-06');
    expect(parsed.subject).toMatch(/[а-яё]{4,}/i);
    expect(parsed.subject).not.toMatch(/replied|thread/);
    expect(parsed.text).toContain(CATALOGUES.ru.mail.open);
    expect(parsed.text).not.toContain(CATALOGUES.en.mail.open);
    await handle.db.execute(sql`update users set locale = null where email = 'reviewer@agenda.test'`);
  });

  it('sends nothing to a disabled account, and records a send that finally fails', async () => {
    await handle.db.execute(sql`update notification_preferences set mode = 'now'`);
    await handle.db.execute(sql`update email_deliveries set last_sent_at = null`);
    await jobs.stop();
    const [reviewer] = await selectRows<{ id: string }>(handle.db, sql`select id from users where email = 'reviewer@agenda.test'`);
    await reply('staff', 'A reply the mail server refuses.');
    const mailer = smtpMailer(smtp.url, 'agenda@example.gov');
    smtp.reject.add('reviewer@agenda.test');
    const deps = { db: handle.db, mailer, secret: TEST_AUTH_SECRET, publicUrl: PUBLIC_URL };
    const job = { userId: reviewer!.id, subjectKey: corridors };
    await expect(deliverEmail(deps, job, { final: false })).rejects.toThrow(/550/);
    const pending = sql`select count(*)::int as n from notifications where user_id = ${reviewer!.id} and emailed_at is null and email_error is null and delivery = 'now'`;
    expect((await selectRows<{ n: number }>(handle.db, pending))[0]!.n).toBe(1);
    await expect(deliverEmail(deps, job, { final: true })).rejects.toThrow(/550/);
    const failed = await selectRows<{ error: string }>(handle.db, sql`select email_error as error from notifications where user_id = ${reviewer!.id} and email_error is not null`);
    expect(failed[0]!.error).toMatch(/550/);

    smtp.reject.clear();
    await reply('staff', 'A reply to a disabled account.');
    await handle.db.execute(sql`update users set disabled_at = now() where id = ${reviewer!.id}`);
    const before = smtp.received.length;
    expect(await deliverEmail(deps, job, { final: false })).toBe('skipped');
    expect(smtp.received.length).toBe(before);
    mailer.close();
  });
});

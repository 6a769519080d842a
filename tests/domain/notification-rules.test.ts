import { describe, expect, it } from 'vitest';
import { DEFAULT_DELIVERY, NOTIFICATION_KINDS, notificationPath } from '../../lib/domain/notification-kinds';
import { kindFor, type NotificationEvent, type Person, recipientsOf } from '../../lib/domain/notification-rules';
import { readEnv } from '../../lib/env';
import { readUnsubscribeToken, unsubscribeToken } from '../../lib/server/notifications/unsubscribe-token';

const leads = { leadOrgAId: 'org-a', leadOrgBId: 'org-b' };
const person = (id: string, role: Person['role'], organisationId: string | null = null, extra: Partial<Person> = {}): Person => ({
  id, role, organisationId, disabled: false, watching: false, inThread: false, ...extra,
});

// Everyone a change could concern, one of each kind of relation.
const PEOPLE: Person[] = [
  person('author', 'staff', 'org-a'),
  person('colleague', 'staff', 'org-a'),
  person('counterpart', 'staff', 'org-b'),
  person('other-staff', 'staff', 'org-c'),
  person('reviewer', 'reviewer'),
  person('thread-reviewer', 'reviewer', null, { inThread: true }),
  person('official', 'official'),
  person('watching-official', 'official', null, { watching: true }),
  person('admin', 'admin'),
  person('disabled', 'staff', 'org-b', { disabled: true, watching: true, inThread: true }),
];

const told = (event: NotificationEvent) => Object.fromEntries(recipientsOf(event, PEOPLE).map((r) => [r.userId, r.kind]));

describe('who is told what', () => {
  it('an update that claims progress: the other side decides, the own side hears, watchers hear', () => {
    expect(told({ type: 'update_posted', actorId: 'author', leads, authorParty: 'a', awaitsConfirmation: true })).toEqual({
      colleague: 'update_posted', counterpart: 'confirmation_requested', 'watching-official': 'watched_activity',
    });
  });

  it('an update that claims nothing, or an administrator’s claim (both sides decide)', () => {
    expect(told({ type: 'update_posted', actorId: 'author', leads, authorParty: 'a', awaitsConfirmation: false })).toEqual({
      colleague: 'update_posted', counterpart: 'update_posted', 'watching-official': 'watched_activity',
    });
    expect(told({ type: 'update_posted', actorId: 'admin', leads, authorParty: null, awaitsConfirmation: true })).toEqual({
      author: 'confirmation_requested', colleague: 'confirmation_requested', counterpart: 'confirmation_requested', 'watching-official': 'watched_activity',
    });
  });

  it('a comment tells the leads and watchers; a reply tells the thread first', () => {
    expect(told({ type: 'comment_posted', actorId: 'reviewer', leads, isReply: false })).toEqual({
      author: 'comment_posted', colleague: 'comment_posted', counterpart: 'comment_posted', 'watching-official': 'watched_activity',
    });
    expect(told({ type: 'comment_posted', actorId: 'author', leads, isReply: true })).toEqual({
      colleague: 'comment_posted', counterpart: 'comment_posted', 'thread-reviewer': 'thread_reply', 'watching-official': 'watched_activity',
    });
  });

  it('a decision tells the update’s author; a resolution tells the thread', () => {
    expect(told({ type: 'update_decided', actorId: 'counterpart', updateAuthorId: 'author' })).toEqual({ author: 'update_decided' });
    expect(told({ type: 'thread_resolution', actorId: 'admin' })).toEqual({ 'thread-reviewer': 'thread_resolution' });
  });

  it('reminders go to both leads’ staff; the weekly digest to officials', () => {
    for (const kind of ['due_soon', 'overdue', 'no_update'] as const) {
      expect(told({ type: 'reminder', kind, leads })).toEqual({ author: kind, colleague: kind, counterpart: kind });
    }
    expect(told({ type: 'weekly_digest' })).toEqual({ official: 'weekly_digest', 'watching-official': 'weekly_digest' });
  });

  it('never tells the actor or a disabled person', () => {
    const events: NotificationEvent[] = [
      { type: 'comment_posted', actorId: 'counterpart', leads, isReply: true },
      { type: 'update_decided', actorId: 'author', updateAuthorId: 'author' },
    ];
    for (const event of events) {
      expect(kindFor(event, PEOPLE.find((p) => p.id === (event as { actorId: string }).actorId)!)).toBeNull();
      expect(kindFor(event, PEOPLE.find((p) => p.id === 'disabled')!)).toBeNull();
    }
  });

  it('defaults: at once for what waits on the person, daily for the rest', () => {
    const now = NOTIFICATION_KINDS.filter((k) => DEFAULT_DELIVERY[k] === 'now');
    expect(now).toEqual(['confirmation_requested', 'update_decided', 'thread_reply', 'weekly_digest']);
  });

  it('links the exact comment or update', () => {
    expect(notificationPath({ commitmentId: 'c', statusUpdateId: 'u', commentId: 'k' })).toBe('/commitments/c?update=u#comment-k');
    expect(notificationPath({ commitmentId: 'c', statusUpdateId: 'u', commentId: null })).toBe('/commitments/c?update=u#update-u');
    expect(notificationPath({ commitmentId: null, statusUpdateId: null, commentId: null })).toBe('/notifications');
  });
});

describe('unsubscribe tokens', () => {
  const secret = 'a-secret-that-is-long-enough-for-the-tests-000';
  const userId = '0f8fad5b-d9cb-469f-a165-70867728950e';
  it('names the person and kind, and refuses a changed or foreign-signed token', () => {
    const token = unsubscribeToken({ userId, kind: 'thread_reply', secret });
    expect(readUnsubscribeToken(token, secret)).toMatchObject({ userId, kind: 'thread_reply' });
    expect(readUnsubscribeToken(token.replace('thread_reply', 'update_posted'), secret)).toBeNull();
    expect(readUnsubscribeToken(token, `${secret}x`)).toBeNull();
    expect(readUnsubscribeToken('garbage', secret)).toBeNull();
  });
});

/** The settings as the app reads them from this environment. */
const envOf = (vars: Record<string, string>) => readEnv({ ...vars } as NodeJS.ProcessEnv);

describe('mail settings', () => {
  it('accepts SMTP_URL with MAIL_FROM, and stops on either missing or malformed', () => {
    const env = envOf({ SMTP_URL: 'smtp://user:pass@mail.example.gov:587', MAIL_FROM: 'Agenda tracker <agenda@example.gov>', AUTH_URL: 'https://agenda.example.gov/' });
    expect(env).toMatchObject({ smtpUrl: 'smtp://user:pass@mail.example.gov:587', mailFrom: 'Agenda tracker <agenda@example.gov>', publicUrl: 'https://agenda.example.gov' });
    expect(envOf({}).smtpUrl).toBeUndefined();
    expect(envOf({ PORT: '4000' }).publicUrl).toBe('http://localhost:4000');
    expect(() => envOf({ SMTP_URL: 'smtp://mail.example.gov' })).toThrow(/MAIL_FROM must be set with SMTP_URL/);
    expect(() => envOf({ SMTP_URL: 'mail.example.gov:25', MAIL_FROM: 'a@b.c' })).toThrow(/SMTP_URL must be the mail server/);
    expect(() => envOf({ SMTP_URL: 'smtp://mail.example.gov', MAIL_FROM: 'nobody' })).toThrow(/MAIL_FROM must be an address/);
  });
});

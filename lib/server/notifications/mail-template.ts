import 'server-only';
import type { NotificationRow } from '@/db/queries/notifications';
import type { Locale } from '@/i18n/config';
import { type NotificationKind, notificationPath } from '@/lib/domain/notification-kinds';
import { messageText, translator } from '../catalogue';
import { notificationMessage } from './describe';

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

interface MailLinks {
  publicUrl: string;
  /** The one-click unsubscribe address for each kind the mail holds. */
  unsubscribe: (kind: NotificationKind) => string;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * One e-mail for one or more notifications: each kind's sentence comes from the catalogue
 * (notifications.kind.*), the same one the bell page shows, with its link, in a plain-text body and
 * an HTML body built from the same parts, in the language the person chose (English otherwise).
 */
export function renderMail(items: NotificationRow[], links: MailLinks, options: { digest: boolean; locale: Locale }): MailContent {
  const t = translator(options.locale);
  const lines = items.map((n) => ({
    sentence: messageText(notificationMessage(n, t('notifications.actorSystem')), options.locale),
    href: `${links.publicUrl}${notificationPath(n)}`,
  }));
  const first = items[0]!;
  const subject = options.digest
    ? t('mail.digestSubject', { count: items.length })
    : items.length === 1
      ? lines[0]!.sentence
      : t('mail.coalescedSubject', { count: items.length, reference: first.commitmentReference ?? '' });
  const kinds = [...new Set(items.map((n) => n.kind))];
  const settings = `${links.publicUrl}/notifications/settings`;
  const text = [
    ...lines.map((l) => `- ${l.sentence}\n  ${t('mail.open')}: ${l.href}`),
    '',
    '--',
    t('mail.footer'),
    ...kinds.map((k) => `${t('mail.unsubscribe')} (${t(`notifications.kindName.${k}`)}): ${links.unsubscribe(k)}`),
    `${t('mail.settings')}: ${settings}`,
  ].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">',
    '<ul>',
    ...lines.map((l) => `<li>${escape(l.sentence)}<br><a href="${escape(l.href)}">${escape(t('mail.open'))}</a></li>`),
    '</ul>',
    `<hr><p style="color:#555;font-size:0.9em">${escape(t('mail.footer'))}<br>`,
    ...kinds.map((k) => `<a href="${escape(links.unsubscribe(k))}">${escape(t('mail.unsubscribe'))} (${escape(t(`notifications.kindName.${k}`))})</a><br>`),
    `<a href="${escape(settings)}">${escape(t('mail.settings'))}</a></p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}

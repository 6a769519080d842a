import 'server-only';
import nodemailer from 'nodemailer';
import type { NotificationKind } from '@/lib/domain/notification-kinds';
import type { MailContent } from './mail-template';

interface OutgoingMail extends MailContent {
  to: string;
  /** The one-click unsubscribe address (RFC 8058): sent as List-Unsubscribe with List-Unsubscribe-Post. */
  unsubscribeUrl: string;
  kind: NotificationKind;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** The SMTP transport of SMTP_URL (nodemailer), sending from MAIL_FROM. */
export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
        list: { unsubscribe: { url: mail.unsubscribeUrl, comment: mail.kind } },
      });
    },
    close: () => transport.close(),
  };
}

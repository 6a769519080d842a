'use client';

import { useTranslations } from 'next-intl';
import { type Message, renderMessage, renderMessages, type Translate } from '@/lib/domain/messages';

/**
 * Renders the server's catalogue messages in the reader's language. The section's ClientMessages
 * must send the namespaces they use: form, problem, validation and field, plus the section's own.
 */
export function useMessage() {
  const t = useTranslations() as unknown as Translate;
  return {
    one: (message: Message) => renderMessage(t, message),
    all: (messages: readonly Message[]) => renderMessages(t, messages),
  };
}

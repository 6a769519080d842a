import { createTranslator } from 'use-intl/core';
import { DEFAULT_LOCALE, type Locale } from '@/i18n/config';
import { type Message, renderMessage, type Translate } from '@/lib/domain/messages';
import en from '@/messages/en';

// The message catalogue outside a page: for the API's answers and the command line, which have no
// request locale of their own yet. Pages and client components read it through next-intl; this is
// next-intl's own core (use-intl) without its React parts, which the command line cannot load.

const CATALOGUES: Record<Locale, typeof en> = { en };
const translators = new Map<Locale, Translate>();

export function translator(locale: Locale = DEFAULT_LOCALE): Translate {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator({ locale, messages: CATALOGUES[locale] }) as unknown as Translate;
    translators.set(locale, t);
  }
  return t;
}

/** One message as text in the given language (English by default). */
export function messageText(message: Message, locale: Locale = DEFAULT_LOCALE): string {
  return renderMessage(translator(locale), message);
}

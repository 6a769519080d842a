import { createTranslator } from 'use-intl/core';
import { DEFAULT_LOCALE, type Locale } from '@/i18n/config';
import { type Message, renderMessage, type Translate } from '@/lib/domain/messages';
import { CATALOGUES } from '@/messages';

// The message catalogue outside a page: for the API's answers and the command line. Pages and client
// components read it through next-intl; this is next-intl's own core (use-intl) without its React
// parts, which the command line cannot load.

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

import { createFormatter, createTranslator, type Messages } from 'use-intl/core';
import { DEFAULT_LOCALE, type Locale, TIME_ZONE } from '@/i18n/config';
import { type Message, renderMessage, type Translate } from '@/lib/domain/messages';
import { CATALOGUES } from '@/messages';

// The message catalogue outside a page's request: for the API's answers, the command line, and the
// dashboard's panels, which format hundreds of figures on every view. This is next-intl's own core
// (use-intl) without its React parts, which the command line cannot load. Its translators and
// formatters are made once per language and process, so each message is parsed and each Intl
// formatter built once, not on every request as next-intl's request-scoped ones are.

/** The same type as next-intl's getTranslations() gives a page: keys are checked by the catalogue tests, not the compiler. */
export type CatalogueTranslator = ReturnType<typeof createTranslator<Messages, never>>;
export type Formatter = ReturnType<typeof createFormatter>;

const translators = new Map<string, CatalogueTranslator>();
const formatters = new Map<Locale, Formatter>();

/**
 * The catalogue in one language, or one namespace of it (keys are then relative to it), as the
 * full translator (rich text, dates in values) for pages.
 */
export function catalogueTranslator(locale: Locale = DEFAULT_LOCALE, namespace?: string): CatalogueTranslator {
  const key = `${locale}:${namespace ?? ''}`;
  let t = translators.get(key);
  if (!t) {
    t = createTranslator({ locale, messages: CATALOGUES[locale] as Messages, namespace: namespace as never, timeZone: TIME_ZONE });
    translators.set(key, t);
  }
  return t;
}

/** The catalogue in one language, as the rules' messages need it (lib/domain/messages.ts). */
export function translator(locale: Locale = DEFAULT_LOCALE): Translate {
  return catalogueTranslator(locale) as unknown as Translate;
}

/** Numbers, dates and relative times in one language, as next-intl's formatter writes them on a page. */
export function formatter(locale: Locale = DEFAULT_LOCALE): Formatter {
  let format = formatters.get(locale);
  if (!format) {
    format = createFormatter({ locale, timeZone: TIME_ZONE });
    formatters.set(locale, format);
  }
  return format;
}

/** One message as text in the given language (English by default). */
export function messageText(message: Message, locale: Locale = DEFAULT_LOCALE): string {
  return renderMessage(translator(locale), message);
}

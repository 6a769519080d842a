import Negotiator from 'negotiator';

// Languages the catalogue holds: English, Russian, Kazakh (Cyrillic) and Urdu (right to left).
export const LOCALES = ['en', 'ru', 'kk', 'ur'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';
const RTL_LOCALES: readonly string[] = ['ur', 'ar', 'fa'];
/** next-intl's own cookie name: it also serves before sign-in. */
export const LOCALE_COOKIE = 'NEXT_LOCALE';

/** Dates and times are written in UTC in every language: both governments read the same day. */
export const TIME_ZONE = 'UTC';

/** Each language named in itself, as a switcher shows it. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', ru: 'Русский', kk: 'Қазақша', ur: 'اردو' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function textDirection(locale: string): 'ltr' | 'rtl' {
  return RTL_LOCALES.includes(locale) ? 'rtl' : 'ltr';
}

/** The best of our languages for an Accept-Language header ("ru-RU,ru;q=0.9" → ru), or none. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | undefined {
  if (!header) return undefined;
  const [best] = new Negotiator({ headers: { 'accept-language': header } }).languages([...LOCALES]);
  return isLocale(best) ? best : undefined;
}

/**
 * The reader's language: the choice this browser keeps (the cookie), else the one in the signed-in
 * user's profile, else what the browser asks for, else English.
 */
export function resolveLocale(from: { cookie?: string | null; profile?: string | null; acceptLanguage?: string | null }): Locale {
  if (isLocale(from.cookie)) return from.cookie;
  if (isLocale(from.profile)) return from.profile;
  return localeFromAcceptLanguage(from.acceptLanguage) ?? DEFAULT_LOCALE;
}

import 'server-only';
import { LOCALE_COOKIE, type Locale, resolveLocale } from '@/i18n/config';

/**
 * The language of an API answer: the browser's choice (cookie), else the caller's profile, else
 * Accept-Language, else English — the same order as the pages.
 */
export function localeOfRequest(headers: Headers, viewer?: { locale: Locale | null } | null): Locale {
  return resolveLocale({ cookie: cookieValue(headers.get('cookie'), LOCALE_COOKIE), profile: viewer?.locale, acceptLanguage: headers.get('accept-language') });
}

function cookieValue(header: string | null, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { currentContext } from '@/lib/server/context';
import { CATALOGUES } from '@/messages';
import { LOCALE_COOKIE, resolveLocale, TIME_ZONE } from './config';

// No locale in the URL: links stay the same for colleagues reading in another language.
export default getRequestConfig(async () => {
  const [jar, requestHeaders] = await Promise.all([cookies(), headers()]);
  // The profile is read only when the browser keeps no choice; a page that cannot reach the
  // database still renders, in the browser's language.
  const cookie = jar.get(LOCALE_COOKIE)?.value;
  const profile = cookie ? null : await currentContext().then((ctx) => ctx.viewer?.locale ?? null, () => null);
  const locale = resolveLocale({ cookie, profile, acceptLanguage: requestHeaders.get('accept-language') });
  return { locale, timeZone: TIME_ZONE, messages: CATALOGUES[locale] };
});

'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { LOCALE_COOKIE } from '@/i18n/config';
import { chooseOwnLocale, localeSchema } from '@/lib/server/account';
import { currentContext } from '@/lib/server/context';
import { pathOfReferer } from '@/lib/safe-redirect';

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * The language switcher: a plain form, so it works without JavaScript. The browser keeps the choice
 * in a cookie (before sign-in too); a signed-in user's profile keeps it for every browser. Then back
 * to the same page, whose address is the same in every language.
 */
export async function chooseLanguageAction(form: FormData): Promise<void> {
  const parsed = localeSchema.safeParse({ locale: form.get('locale') });
  const back = pathOfReferer((await headers()).get('referer'));
  if (!parsed.success) redirect(back);
  const ctx = await currentContext();
  if (ctx.viewer) await chooseOwnLocale(ctx, parsed.data);
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { path: '/', maxAge: ONE_YEAR_SECONDS, sameSite: 'lax' });
  redirect(back);
}

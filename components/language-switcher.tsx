import { getLocale, getTranslations } from 'next-intl/server';
import { chooseLanguageAction } from '@/app/language/actions';
import { LOCALE_NAMES, LOCALES, textDirection } from '@/i18n/config';

/** One button per language, each named in itself; a plain form post, so it works without JavaScript. */
export async function LanguageSwitcher() {
  const [t, current] = await Promise.all([getTranslations('language'), getLocale()]);
  return (
    <form action={chooseLanguageAction}>
      <div className="language-switcher" role="group" aria-label={t('label')}>
        {LOCALES.map((locale) => (
          <button
            key={locale} type="submit" name="locale" value={locale} lang={locale} dir={textDirection(locale)}
            className="link-button" aria-current={locale === current ? 'true' : undefined}
          >
            {LOCALE_NAMES[locale]}
          </button>
        ))}
      </div>
    </form>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DELIVERY_MODES, NOTIFICATION_KINDS } from '@/lib/domain/notification-kinds';
import { readEnv } from '@/lib/env';
import { myPreferences } from '@/lib/server/notifications/inbox';
import { requirePageContext } from '@/lib/server/page-guard';
import { savePreferencesAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('notifications');
  return { title: t('preferences') };
}

// One choice per kind: e-mail at once, in the daily digest, or in the app only. A plain form.
export default async function NotificationSettingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext('/notifications/settings');
  const [prefs, t, params] = await Promise.all([myPreferences(ctx), getTranslations('notifications'), searchParams]);
  return (
    <>
      <h1>{t('preferences')}</h1>
      <p className="lede">{t('preferencesIntro')}</p>
      {!readEnv().smtpUrl && <p className="notice">{t('noEmail')}</p>}
      {params.saved === '1' && <p role="status" className="success">{t('preferencesSaved')}</p>}
      <form action={savePreferencesAction}>
        <table className="preferences">
          <tbody>
            {NOTIFICATION_KINDS.map((kind) => (
              <tr key={kind}>
                <th scope="row" id={`kind-${kind}`}>{t(`kindName.${kind}`)}</th>
                <td>
                  <fieldset className="inline-form" aria-labelledby={`kind-${kind}`}>
                    {DELIVERY_MODES.map((mode) => (
                      <label key={mode}>
                        <input type="radio" name={kind} value={mode} defaultChecked={prefs[kind] === mode} /> {t(`mode.${mode}`)}
                      </label>
                    ))}
                  </fieldset>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="submit">{t('savePreferences')}</button>
      </form>
      <p>
        <Link href="/notifications">{t('title')}</Link>
      </p>
    </>
  );
}

import { getTranslations } from 'next-intl/server';
import { watchAction } from '@/app/notifications/actions';

/** Watch or stop watching a commitment: a plain form, no JavaScript needed. */
export async function WatchButton({ commitmentId, watching }: { commitmentId: string; watching: boolean }) {
  const t = await getTranslations('notifications');
  return (
    <form action={watchAction} className="inline-form">
      <input type="hidden" name="commitmentId" value={commitmentId} />
      <input type="hidden" name="watch" value={watching ? '0' : '1'} />
      <button type="submit" className="button button--secondary" aria-describedby={`watch-help-${commitmentId}`}>
        {watching ? t('unwatch') : t('watch')}
      </button>
      <span id={`watch-help-${commitmentId}`} className="field__hint">{watching ? t('watching') : t('watchHelp')}</span>
    </form>
  );
}

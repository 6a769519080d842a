import 'server-only';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import type { Summary } from '@/lib/domain/dashboard-summaries';
import { HEALTHS, type Health, STAGES, type Stage } from '@/lib/domain/stages';

/** The catalogue, formatter and labels every dashboard panel needs, fetched once per panel. */
export async function dashboardText() {
  const [t, root, format, locale] = await Promise.all([getTranslations('dashboard'), getTranslations(), getFormatter(), getLocale()]);
  const stageLabels = Object.fromEntries(STAGES.map((s) => [s, root(`stage.${s}`)])) as Record<Stage, string>;
  const healthLabels = Object.fromEntries(HEALTHS.map((h) => [h, root(`health.${h}`)])) as Record<Health, string>;
  const summary = (s: Summary) => t(`summary.${s.key}`, s.values);
  return { t, format, locale, stageLabels, healthLabels, summary };
}
export type DashboardText = Awaited<ReturnType<typeof dashboardText>>;

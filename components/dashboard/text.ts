import 'server-only';
import { getLocale } from 'next-intl/server';
import { cache } from 'react';
import { type Locale } from '@/i18n/config';
import { catalogueTranslator, formatter } from '@/lib/server/catalogue';
import type { Summary } from '@/lib/domain/dashboard-summaries';
import { HEALTHS, type Health, STAGES, type Stage } from '@/lib/domain/stages';

/**
 * The catalogue, formatter and labels every dashboard panel needs, in the reader's language. The
 * panels format a figure, a link title or a date for every bar and row, so they use the catalogue's
 * translators and formatters kept across requests (lib/server/catalogue.ts), not request-scoped ones.
 */
export const dashboardText = cache(async () => {
  const locale = (await getLocale()) as Locale;
  const [t, root, format] = [catalogueTranslator(locale, 'dashboard'), catalogueTranslator(locale), formatter(locale)];
  const stageLabels = Object.fromEntries(STAGES.map((s) => [s, root(`stage.${s}`)])) as Record<Stage, string>;
  const healthLabels = Object.fromEntries(HEALTHS.map((h) => [h, root(`health.${h}`)])) as Record<Health, string>;
  const summary = (s: Summary) => t(`summary.${s.key}`, s.values);
  return { t, format, locale, stageLabels, healthLabels, summary };
});
export type DashboardText = Awaited<ReturnType<typeof dashboardText>>;

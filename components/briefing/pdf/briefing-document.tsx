import { Document, Link, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import type { Briefing, BriefingCommitment } from '@/lib/domain/briefing';
import { headlineHrefs, sharePercent } from '@/lib/domain/briefing';
import type { Translate } from '@/lib/domain/messages';
import { HEALTHS, type Health, STAGES, type Stage } from '@/lib/domain/stages';
import { PdfLegend, PdfMovementChart, PdfPipelineChart } from './pdf-charts';

// The briefing as a PDF (@react-pdf/renderer): a title page, the headline and the charts, a page per
// sector's changes, then what is stuck and the decisions needed; page numbers and the generated date
// on every page. `font` is the family registered with the embedded fonts (lib/server/briefing-pdf.ts).

const s = StyleSheet.create({
  // No lineHeight on the page: inherited by the footer, it keeps react-pdf from drawing the page numbers.
  page: { paddingTop: 40, paddingBottom: 50, paddingHorizontal: 45, fontSize: 9 },
  h1: { fontSize: 22, fontWeight: 700, marginBottom: 12 },
  h2: { fontSize: 14, fontWeight: 700, marginTop: 6, marginBottom: 8 },
  h3: { fontSize: 11, fontWeight: 700, marginTop: 8, marginBottom: 3 },
  muted: { color: '#555555' },
  row: { flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: '#cccccc', paddingVertical: 2 },
  cellLabel: { width: '45%' },
  cell: { flexGrow: 1, flexBasis: 0 },
  item: { marginBottom: 8 },
  demo: { marginTop: 10, padding: 6, backgroundColor: '#fff4d6', fontSize: 8 },
  footer: { position: 'absolute', bottom: 22, left: 45, right: 45, fontSize: 7, color: '#555555' },
  link: { color: '#1a4f9c', textDecoration: 'none' },
});

interface Props {
  briefing: Briefing;
  t: Translate;
  font: string[];
  /** The app's address, so the PDF's links open the rows behind each figure. */
  origin: string;
}

export function BriefingDocument({ briefing: b, t, font, origin }: Props) {
  const stage = (x: Stage) => t(`stage.${x}`);
  const health = (x: Health) => t(`health.${x}`);
  const labels = Object.fromEntries(STAGES.map((x) => [x, stage(x)])) as Record<Stage, string>;
  const hrefs = headlineHrefs(b);
  const url = (path: string) => `${origin}${path}`;
  const generated = b.generatedAt.slice(0, 10);
  const since =
    b.since.kind === 'review' ? t('briefing.sinceReview', { name: b.since.name, date: b.from })
      : b.since.kind === 'signing' ? t('briefing.sinceSigning', { date: b.from }) : t('briefing.sinceDate', { date: b.from });
  const h = b.headline;
  const figures: [string, string, string][] = [
    [t('briefing.headline.commitments'), t('briefing.headline.commitmentsValue', { now: h.commitments, then: h.commitmentsThen, created: h.created }), hrefs.commitments],
    [t('briefing.headline.forward'), String(h.movedForward), hrefs.updates],
    [t('briefing.headline.back'), String(h.movedBack), hrefs.updates],
    [t('briefing.headline.measurable'), t('briefing.headline.measurableValue', {
      then: sharePercent(h.measurableThen, h.commitmentsThen), now: sharePercent(h.measurableNow, h.commitments), countThen: h.measurableThen, countNow: h.measurableNow,
    }), hrefs.measurableNow],
    [t('briefing.headline.overdue'), String(h.overdue), hrefs.overdue],
    [t('briefing.headline.stale'), String(h.stale), hrefs.stale],
  ];
  const footer = (
    <Text
      style={[s.footer, { fontFamily: font[0] }]}
      fixed
      render={({ pageNumber, totalPages }) => `${t('briefing.generated', { date: generated })} · ${t('briefing.page', { page: pageNumber, pages: totalPages })}`}
    />
  );
  const commitmentLink = (c: BriefingCommitment) => (
    <Link src={url(`/commitments/${c.id}`)} style={s.link}>{`${c.reference} ${c.title}`}</Link>
  );
  // What is stuck, the decisions needed and the open threads, one after the other in one flow.
  const closing: Block[] = [
    { lines: 3, node: <Text key="stuck" style={s.h2}>{t('briefing.stuck.heading')}</Text> },
    ...(b.stuck.length === 0 ? [{ lines: 1, node: <Text key="stuck-none">{t('briefing.stuck.none')}</Text> }] : []),
    ...b.stuck.map((c) => ({
      lines: linesOf(`${c.reference} ${c.title}`) + 2 + (c.narrative ? linesOf(c.narrative) : 0) + 1,
      node: (
        <View key={`stuck-${c.id}`} style={s.item} wrap={false}>
          <Text style={{ fontWeight: 700 }}>{commitmentLink(c)}</Text>
          <Text>
            {`${t('briefing.stuck.why')}: ${stuckReasons(c, t).join(', ')}\n${t('briefing.stuck.leads')}: ${c.leads.join('; ')}`}
            {c.narrative && <Text style={s.muted}>{`\n${t('briefing.stuck.narrative')}: ${c.narrative}`}</Text>}
          </Text>
        </View>
      ),
    })),
    { lines: 3, node: <Text key="decisions" style={s.h2}>{t('briefing.decisions.heading')}</Text> },
    ...(b.decisions.length === 0 ? [{ lines: 1, node: <Text key="decisions-none">{t('briefing.decisions.none')}</Text> }] : []),
    ...b.decisions.map((c) => ({
      lines: linesOf(`${c.reference} ${c.title}`) + linesOf(c.nextStep) + 1,
      node: (
        <View key={`decision-${c.id}`} style={s.item} wrap={false}>
          <Text style={{ fontWeight: 700 }}>{commitmentLink(c)}</Text>
          <Text>{`${t('briefing.changes.health')}: ${health(c.healthNow)} · ${t('briefing.changes.nextStep')}: ${c.nextStep}`}</Text>
        </View>
      ),
    })),
    { lines: 2, node: <Text key="threads" style={s.h3}>{t('briefing.decisions.threads')}</Text> },
    ...(b.threads.length === 0 ? [{ lines: 1, node: <Text key="threads-none">{t('briefing.decisions.noThreads')}</Text> }] : []),
    ...(b.threadsOpen > b.threads.length
      ? [{
          lines: 2,
          node: <Text key="threads-shown" style={[s.muted, s.item]}>{t('briefing.decisions.threadsShown', { shown: b.threads.length, open: b.threadsOpen })}</Text>,
        }]
      : []),
    ...b.threads.map((th) => ({
      lines: linesOf(`${th.reference} ${th.title}`) + 1 + linesOf(th.body) + 1,
      node: (
        <View key={`thread-${th.id}`} style={s.item} wrap={false}>
          <Link src={url(`/commitments/${th.commitmentId}`)} style={s.link}>{`${th.reference} ${th.title}`}</Link>
          <Text style={s.muted}>{t('briefing.decisions.by', { author: th.author, date: th.createdAt.slice(0, 10) })}</Text>
          <Text>{th.body}</Text>
        </View>
      ),
    })),
  ];
  return (
    <Document title={t('briefing.metaTitle', { from: b.from, to: b.to })} author={b.agenda.title} creator="Agenda tracker" language="en">
      <Page size="A4" style={[s.page, { fontFamily: font }]}>
        <View style={{ marginTop: 160 }}>
          <Text style={s.h1}>{t('briefing.title')}</Text>
          <Text style={{ fontSize: 14, marginBottom: 8 }}>{b.agenda.title}</Text>
          <Text style={{ fontSize: 12 }}>{t('briefing.period', { from: b.from, to: b.to })}</Text>
          <Text style={s.muted}>{since}</Text>
          <Text style={s.muted}>{b.sector ? t('briefing.sectorScope', { sector: b.sector.name }) : t('briefing.allSectors')}</Text>
          <Text style={[s.muted, { marginTop: 20 }]}>{t('briefing.generated', { date: generated })}</Text>
          {b.demo && <Text style={s.demo}>{t('briefing.demo')}</Text>}
        </View>
        {footer}
      </Page>
      <Page size="A4" style={[s.page, { fontFamily: font }]}>
        <Text style={s.h2}>{t('briefing.headline.heading')}</Text>
        {figures.map(([label, value, href]) => (
          <View key={label} style={s.row} wrap={false}>
            <Text style={s.cellLabel}>{label}</Text>
            <Link src={url(href)} style={[s.cell, s.link]}>{value}</Link>
          </View>
        ))}
        <View wrap={false}>
          <Text style={s.h2}>{t('briefing.charts.heading')}</Text>
          <Text style={s.h3}>{t('briefing.charts.pipeline', { date: b.to })}</Text>
          <PdfLegend labels={labels} />
          <PdfPipelineChart matrix={b.pipeline} />
        </View>
        <View wrap={false}>
          <Text style={s.h3}>{t('briefing.charts.movement', { from: b.from, to: b.to })}</Text>
          <PdfMovementChart points={b.movement} />
        </View>
        {footer}
      </Page>
      {b.sectors.length === 0 && (
        <Page size="A4" style={[s.page, { fontFamily: font }]}>
          <Text style={s.h2}>{t('briefing.changes.heading')}</Text>
          <Text>{t('briefing.changes.none')}</Text>
          {footer}
        </Page>
      )}
      {b.sectors.flatMap((sector, i) => pagesOf(sector.commitments, changeLines).map((part, j) => (
        <Page key={`${sector.slug}-${j}`} size="A4" style={[s.page, { fontFamily: font }]}>
          {i === 0 && j === 0 && <Text style={s.h2}>{t('briefing.changes.heading')}</Text>}
          {j === 0 && <Text style={s.h2}>{sector.name}</Text>}
          {part.map((c) => (
            <View key={c.id} style={s.item} wrap={false}>
              <Text style={{ fontWeight: 700 }}>{commitmentLink(c)}{c.demo ? ` (${t('briefing.changes.demo')})` : ''}</Text>
              <Text>
                {[
                  `${t('briefing.changes.stage')}: ${t('briefing.changes.stageMoveWords', { then: c.stageThen ? stage(c.stageThen) : t('briefing.changes.new'), now: stage(c.stageNow) })} · ${t('briefing.changes.health')}: ${health(c.healthNow)}`,
                  ...c.readings.map((r) => readingLine(r, t)),
                  ...(c.nextStep ? [`${t('briefing.changes.nextStep')}: ${c.nextStep}`] : []),
                ].join('\n')}
                {c.evidence.length > 0 && `\n${t('briefing.changes.evidence')}: `}
                {c.evidence.map((e) => <Link key={e} src={e} style={s.link}>{`${e} `}</Link>)}
              </Text>
            </View>
          ))}
          {footer}
        </Page>
      )))}
      {pagesOf(closing, (block) => block.lines).map((part, j) => (
        <Page key={`closing-${j}`} size="A4" style={[s.page, { fontFamily: font }]}>
          {part.map((block) => block.node)}
          {footer}
        </Page>
      ))}
    </Document>
  );
}

// Long sections are laid out as explicit pages of about a page's worth of items each rather than as
// one page that the renderer breaks: it lays out the whole rest of a section again at every break,
// which grows with the square of the section's length. An estimate that falls short only lets a page
// flow onto the next, as any page may.
const LINES_PER_PAGE = 52;
/** Lines of about 90 characters that a text takes, at least one. */
const linesOf = (text: string) => Math.max(1, Math.ceil(text.length / 90));
const changeLines = (c: BriefingCommitment) =>
  linesOf(`${c.reference} ${c.title}`) + 1 + c.readings.length + (c.evidence.length ? linesOf(c.evidence.join(' ')) : 0) + (c.nextStep ? linesOf(c.nextStep) : 0) + 1;

/** A piece of a flow of pages, with the lines it is estimated to take. */
interface Block {
  lines: number;
  node: ReactNode;
}

/** The items in pages of at most LINES_PER_PAGE estimated lines, the first shorter by a heading; at least one page. */
function pagesOf<T>(items: T[], lines: (item: T) => number): T[][] {
  const pages: T[][] = [[]];
  let used = 4;
  for (const item of items) {
    const n = lines(item);
    if (used + n > LINES_PER_PAGE && pages.at(-1)!.length > 0) {
      pages.push([]);
      used = 0;
    }
    pages.at(-1)!.push(item);
    used += n;
  }
  return pages;
}

/** An indicator's readings on one line: baseline, at the start, now and target. */
function readingLine(r: BriefingCommitment['readings'][number], t: Translate): string {
  const reading = (x: { value: number; asOf: string } | null) => (x ? `${x.value} (${x.asOf})` : t('briefing.changes.noReading'));
  return `${r.indicator} (${r.unit}): ${t('briefing.changes.baseline')} ${r.baseline} · ${t('briefing.changes.then')} ${reading(r.then)} · ${t('briefing.changes.now')} ${reading(r.now)} · ${t('briefing.changes.target')} ${r.target}`;
}

/** Why a commitment is listed as stuck, in words. */
function stuckReasons(c: BriefingCommitment, t: Translate): string[] {
  const reasons: string[] = [];
  if (c.stageNow === 'stalled') reasons.push(t('briefing.stuck.stalled'));
  if (c.healthNow === HEALTHS[2]) reasons.push(t('briefing.stuck.offTrack'));
  if (c.overdue) reasons.push(t('briefing.stuck.overdue', { date: c.dueDate ?? '' }));
  if (c.stale) reasons.push(t('briefing.stuck.stale'));
  return reasons;
}

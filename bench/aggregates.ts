import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/connect';
import { agendaHasDemoData } from '@/db/queries/agendas';
import {
  confirmationFigures, countByStage, healthCounts, latestUpdates, listScopeCommitments, overdueCommitments, recentMoves, staleCommitments, weeklyStageCounts,
} from '@/db/queries/dashboard';
import { selectRows } from '@/db/rows';
import { DAY_MS, todayIso } from '@/lib/domain/dates';
import { planWeeks } from '@/lib/domain/dashboard-series';
import { type Figure, measure } from './stats';

interface AgendaRef {
  id: string;
  signedOn: string;
}

async function agenda(handle: DatabaseHandle, slug: string): Promise<AgendaRef> {
  const [row] = await selectRows<AgendaRef>(handle.db, sql`select id, signed_on::text as "signedOn" from agendas where slug = ${slug}`);
  if (!row) throw new Error(`No agenda ${slug}`);
  return row;
}

/**
 * Every aggregate the dashboard runs, as the page runs it (the default agenda, all sectors), plus
 * the movement series of the oldest agenda (the most weeks) and of one sector (the sector page).
 */
export async function measureAggregates(
  handle: DatabaseHandle,
  { defaultAgenda, oldestAgenda, sectorSlug, runs }: { defaultAgenda: string; oldestAgenda: string; sectorSlug: string; runs: number },
): Promise<Figure[]> {
  const db = handle.db;
  const now = new Date();
  const today = todayIso(now);
  const a = await agenda(handle, defaultAgenda);
  const old = await agenda(handle, oldestAgenda);
  const [sector] = await selectRows<{ id: string }>(db, sql`select id from sectors where slug = ${sectorSlug}`);
  const q = { db, agendaId: a.id };
  const weeks = planWeeks({ signedOn: a.signedOn, now });
  const oldWeeks = planWeeks({ signedOn: old.signedOn, now });
  const since = new Date(now.getTime() - 30 * DAY_MS);
  const cases: [string, () => Promise<unknown>][] = [
    ['countByStage', () => countByStage(q)],
    ['healthCounts', () => healthCounts(q)],
    ['overdueCommitments', () => overdueCommitments({ ...q, today })],
    ['staleCommitments', () => staleCommitments({ ...q, now })],
    ['recentMoves (30 days)', () => recentMoves({ ...q, since, until: now })],
    [`weeklyStageCounts (${weeks.labels.length} weeks)`, () => weeklyStageCounts({ ...q, from: weeks.from, to: now, stepDays: weeks.stepDays })],
    ['latestUpdates (10)', () => latestUpdates({ ...q, limit: 10 })],
    ['agendaHasDemoData (header)', () => agendaHasDemoData(q)],
    [
      `weeklyStageCounts, oldest agenda (${oldWeeks.labels.length} weeks)`,
      () => weeklyStageCounts({ db, agendaId: old.id, from: oldWeeks.from, to: now, stepDays: oldWeeks.stepDays }),
    ],
    [`weeklyStageCounts, one sector (${weeks.labels.length} weeks)`, () => weeklyStageCounts({ ...q, sectorId: sector!.id, from: weeks.from, to: now, stepDays: weeks.stepDays })],
    ['recentMoves, one sector', () => recentMoves({ ...q, sectorId: sector!.id, since, until: now })],
    ['latestUpdates, one sector', () => latestUpdates({ ...q, sectorId: sector!.id, limit: 10 })],
    ['sector commitments table (100)', () => listScopeCommitments({ ...q, sectorId: sector!.id, limit: 100 })],
    // The confirmed view: the same statements over the confirmed columns and events.
    ['confirmed view: countByStage', () => countByStage({ ...q, view: 'confirmed' })],
    ['confirmed view: healthCounts', () => healthCounts({ ...q, view: 'confirmed' })],
    ['confirmed view: overdueCommitments', () => overdueCommitments({ ...q, view: 'confirmed', today })],
    ['confirmed view: recentMoves (30 days)', () => recentMoves({ ...q, view: 'confirmed', since, until: now })],
    [
      `confirmed view: weeklyStageCounts (${weeks.labels.length} weeks)`,
      () => weeklyStageCounts({ ...q, view: 'confirmed', from: weeks.from, to: now, stepDays: weeks.stepDays }),
    ],
    ['awaiting and disputed figures', () => confirmationFigures(q)],
  ];
  const figures: Figure[] = [];
  for (const [name, run] of cases) figures.push(await measure(name, run, { runs }));
  return figures;
}

/** The yardstick: one sequential scan of the whole status_updates table, on a session of its own. */
export async function measureYardstick(yardstick: DatabaseHandle, runs: number): Promise<Figure> {
  await yardstick.db.execute(sql`set enable_indexscan = off`);
  await yardstick.db.execute(sql`set enable_indexonlyscan = off`);
  await yardstick.db.execute(sql`set enable_bitmapscan = off`);
  const plan = await selectRows<Record<string, string>>(yardstick.db, sql`explain select count(*) from status_updates`);
  if (!/Seq Scan on status_updates/.test(JSON.stringify(plan))) throw new Error(`The yardstick is not a sequential scan: ${JSON.stringify(plan)}`);
  return measure('yardstick: seq scan count(*) of status_updates', () => yardstick.db.execute(sql`select count(*) from status_updates`), { runs });
}

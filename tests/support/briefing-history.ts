import type { Database } from '../../db/connect';
import { agendas, commitments, evidenceLinks, indicatorReadings, indicators, organisations, sectors, statusUpdates, users } from '../../db/schema';
import type { Health, Stage } from '../../lib/domain/stages';
import { FAKE_HASH } from './fixtures';

// A hand-built history for the briefing from 1 February to 31 March 2026 (agenda signed 1 January):
// N1 created in the period; B1 moved back in it; D1 dropped in it; R1 moved forward, with a reading
// and evidence in the period and another reading (and its achievement) after `to`; S1 never updated,
// overdue and silent for more than 60 days.
export const FROM = '2026-02-01';
export const TO = '2026-03-31';

interface UpdateSpec {
  at: string;
  from: Stage;
  to: Stage;
  health?: Health;
  nextStep?: string;
  narrative?: string;
  reading?: { value: number; asOf: string };
  evidence?: string;
}

const SPECS: { ref: string; createdAt: string; due?: string; updates: UpdateSpec[] }[] = [
  { ref: 'N1', createdAt: '2026-02-10T09:00:00Z', updates: [{ at: '2026-02-20T09:00:00Z', from: 'intent', to: 'agreed' }] },
  {
    ref: 'B1', createdAt: '2026-01-02T09:00:00Z',
    updates: [
      { at: '2026-01-10T09:00:00Z', from: 'intent', to: 'in_progress' },
      { at: '2026-03-01T09:00:00Z', from: 'in_progress', to: 'agreed', health: 'at_risk', narrative: 'The funding fell through.', nextStep: 'Ministers to agree new funding in April.' },
    ],
  },
  {
    ref: 'D1', createdAt: '2026-01-02T09:00:00Z',
    updates: [
      { at: '2026-01-05T09:00:00Z', from: 'intent', to: 'agreed' },
      { at: '2026-02-15T09:00:00Z', from: 'agreed', to: 'dropped', health: 'off_track', narrative: 'Both sides withdrew the proposal.' },
    ],
  },
  {
    ref: 'R1', createdAt: '2026-01-02T09:00:00Z',
    updates: [
      { at: '2026-01-20T09:00:00Z', from: 'intent', to: 'in_progress', reading: { value: 10, asOf: '2026-01-15' } },
      { at: '2026-03-15T09:00:00Z', from: 'in_progress', to: 'measurable', reading: { value: 40, asOf: '2026-03-10' }, evidence: 'https://example.gov/r1-march' },
      { at: '2026-04-05T09:00:00Z', from: 'measurable', to: 'achieved', reading: { value: 100, asOf: '2026-04-01' }, evidence: 'https://example.gov/r1-april' },
    ],
  },
  { ref: 'S1', createdAt: '2026-01-02T09:00:00Z', due: '2026-03-01', updates: [] },
];

export async function insertBriefingHistory(db: Database) {
  const [agenda] = await db
    .insert(agendas)
    .values({ slug: 'kz-pk', title: 'Test agenda', partyA: 'KZ', partyB: 'PK', signedOn: '2026-01-01', place: 'Islamabad', sourceTitle: 'Declaration', sourceDocument: 'Test' })
    .returning();
  const [energy] = await db.insert(sectors).values([{ slug: 'energy', name: 'Energy', colour: '#e69f00', position: 1 }]).returning();
  const [orgA, orgB] = await db.insert(organisations).values([{ name: 'Ministry of Energy KZ', country: 'KZ' }, { name: 'Ministry of Energy PK', country: 'PK' }]).returning();
  const [author] = await db.insert(users).values({ email: 'author@agenda.test', name: 'Ada Author', role: 'admin', passwordHash: FAKE_HASH }).returning();
  const ids: Record<string, string> = {};
  for (const spec of SPECS) {
    const last = spec.updates.at(-1);
    const [row] = await db
      .insert(commitments)
      .values({
        agendaId: agenda!.id, sectorId: energy!.id, reference: spec.ref, title: `Commitment ${spec.ref}`, sourcePassage: 'A passage',
        leadOrgAId: orgA!.id, leadOrgBId: orgB!.id, dueDate: spec.due ?? null, stage: last?.to ?? 'intent', health: last?.health ?? 'on_track',
        lastUpdateAt: last ? new Date(last.at) : null, createdAt: new Date(spec.createdAt), updatedAt: new Date(last?.at ?? spec.createdAt),
      })
      .returning();
    ids[spec.ref] = row!.id;
    const indicator = spec.updates.some((u) => u.reading)
      ? (await db.insert(indicators).values({
          commitmentId: row!.id, name: 'Trade volume', unit: 'M USD', baselineValue: 0, baselineDate: '2026-01-01', targetValue: 100,
          targetDate: '2026-12-31', direction: 'higher_is_better',
        }).returning())[0]
      : undefined;
    for (const [i, u] of spec.updates.entries()) {
      const [update] = await db
        .insert(statusUpdates)
        .values({
          commitmentId: row!.id, sequence: i + 1, authorId: author!.id, createdAt: new Date(u.at), stageBefore: u.from, stageAfter: u.to,
          health: u.health ?? 'on_track', narrative: u.narrative ?? '', nextStep: u.nextStep ?? '',
        })
        .returning();
      if (u.reading) await db.insert(indicatorReadings).values({ statusUpdateId: update!.id, indicatorId: indicator!.id, value: u.reading.value, asOf: u.reading.asOf });
      if (u.evidence) await db.insert(evidenceLinks).values({ statusUpdateId: update!.id, url: u.evidence });
    }
  }
  return { agenda: agenda!, sector: energy!, author: author!, ids };
}

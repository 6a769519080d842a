import { STAGES, type Stage } from './stages';

export interface SectorRef {
  id: string;
  slug: string;
  name: string;
  colour: string;
}

export interface StageCountRow {
  sectorId: string;
  stage: Stage;
  count: number;
}

export type StageCounts = Record<Stage, number>;

interface SectorStageRow {
  sector: SectorRef;
  counts: StageCounts;
  total: number;
}

export interface StageMatrix {
  rows: SectorStageRow[];
  totals: StageCounts;
  total: number;
}

export function emptyStageCounts(): StageCounts {
  return Object.fromEntries(STAGES.map((s) => [s, 0])) as StageCounts;
}

/**
 * Turns (sector, stage, count) rows from SQL into one row per sector with every stage present, in
 * stage order. Sectors keep the order given; sectors with no commitments appear with zeros.
 */
export function buildStageMatrix(sectors: readonly SectorRef[], counts: readonly StageCountRow[]): StageMatrix {
  const bySector = new Map<string, StageCounts>(sectors.map((s) => [s.id, emptyStageCounts()]));
  const totals = emptyStageCounts();
  for (const row of counts) {
    const sectorCounts = bySector.get(row.sectorId);
    if (!sectorCounts) continue;
    sectorCounts[row.stage] += row.count;
    totals[row.stage] += row.count;
  }
  // Only the sector's reference, however much of its row was given: the briefing's answer (and a held review's record) carries it.
  const rows = sectors.map(({ id, slug, name, colour }) => {
    const c = bySector.get(id)!;
    return { sector: { id, slug, name, colour }, counts: c, total: STAGES.reduce((sum, s) => sum + c[s], 0) };
  });
  return { rows, totals, total: STAGES.reduce((sum, s) => sum + totals[s], 0) };
}

import { describe, expect, it } from 'vitest';
import { buildStageMatrix } from '../../lib/domain/stage-matrix';

const energy = { id: 's1', slug: 'energy', name: 'Energy', colour: '#0072b2' };
const defence = { id: 's2', slug: 'defence', name: 'Defence', colour: '#d55e00' };

describe('buildStageMatrix', () => {
  it('places every count under its sector and stage and totals rows and columns', () => {
    const matrix = buildStageMatrix(
      [energy, defence],
      [
        { sectorId: 's1', stage: 'agreed', count: 2 },
        { sectorId: 's1', stage: 'achieved', count: 1 },
        { sectorId: 's2', stage: 'agreed', count: 3 },
      ],
    );
    expect(matrix.rows.map((r) => [r.sector.slug, r.counts.agreed, r.counts.achieved, r.total])).toEqual([
      ['energy', 2, 1, 3],
      ['defence', 3, 0, 3],
    ]);
    expect(matrix.totals.agreed).toBe(5);
    expect(matrix.totals.intent).toBe(0);
    expect(matrix.total).toBe(6);
  });

  it('keeps a sector with no commitments, with zeros in every stage', () => {
    const matrix = buildStageMatrix([energy, defence], [{ sectorId: 's1', stage: 'intent', count: 4 }]);
    expect(matrix.rows[1]).toEqual({
      sector: defence,
      counts: { intent: 0, agreed: 0, in_progress: 0, measurable: 0, achieved: 0, stalled: 0, dropped: 0 },
      total: 0,
    });
  });

  it('lists stages in the order of the stage model', () => {
    const matrix = buildStageMatrix([energy], []);
    expect(Object.keys(matrix.rows[0]!.counts)).toEqual(['intent', 'agreed', 'in_progress', 'measurable', 'achieved', 'stalled', 'dropped']);
  });

  it('ignores counts for a sector it was not given', () => {
    const matrix = buildStageMatrix([energy], [{ sectorId: 'elsewhere', stage: 'agreed', count: 9 }]);
    expect(matrix.total).toBe(0);
  });
});

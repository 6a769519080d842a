import { describe, expect, it } from 'vitest';
import { indicatorPoints, indicatorProgress, type IndicatorWithDates } from '../../lib/domain/indicator-progress';

// Trade turnover in USD billion: up from 0.5 towards 1.0.
const higher: IndicatorWithDates = {
  id: 'turnover', baselineValue: 0.5, baselineDate: '2025-12-31', targetValue: 1, targetDate: '2027-12-31', direction: 'higher_is_better',
};
// Days to clear a border crossing: down from 10 towards 4.
const lower: IndicatorWithDates = {
  id: 'crossing', baselineValue: 10, baselineDate: '2026-01-31', targetValue: 4, targetDate: '2026-12-31', direction: 'lower_is_better',
};

describe('indicatorPoints', () => {
  it('starts at the baseline and follows the readings in date order, at UTC midnight of each day', () => {
    const points = indicatorPoints(higher, [
      { value: 0.8, asOf: '2026-06-30' },
      { value: 0.6, asOf: '2026-03-31' },
    ]);
    expect(points).toEqual([
      { t: Date.parse('2025-12-31T00:00:00Z'), value: 0.5 },
      { t: Date.parse('2026-03-31T00:00:00Z'), value: 0.6 },
      { t: Date.parse('2026-06-30T00:00:00Z'), value: 0.8 },
    ]);
  });
  it('is the baseline alone when there is no reading', () => {
    expect(indicatorPoints(lower, [])).toEqual([{ t: Date.parse('2026-01-31T00:00:00Z'), value: 10 }]);
  });
  it('does not reorder the caller’s readings', () => {
    const readings = [{ value: 0.8, asOf: '2026-06-30' }, { value: 0.6, asOf: '2026-03-31' }];
    indicatorPoints(higher, readings);
    expect(readings.map((r) => r.asOf)).toEqual(['2026-06-30', '2026-03-31']);
  });
});

describe('indicatorProgress', () => {
  it('has nothing to say before the first reading', () => {
    expect(indicatorProgress(higher, [])).toEqual({ latest: undefined, fraction: undefined, met: false });
  });
  it('takes the latest reading by date, and of two on one day the later one given', () => {
    const a = { value: 0.7, asOf: '2026-06-30' };
    const b = { value: 0.75, asOf: '2026-06-30' };
    const early = { value: 0.9, asOf: '2026-03-31' };
    expect(indicatorProgress(higher, [a, early, b]).latest).toBe(b);
    expect(indicatorProgress(higher, [b, a, early]).latest).toBe(a);
  });
  it('measures the share of the way from baseline to target, in either direction', () => {
    expect(indicatorProgress(higher, [{ value: 0.75, asOf: '2026-06-30' }]).fraction).toBeCloseTo(0.5);
    expect(indicatorProgress(lower, [{ value: 7, asOf: '2026-06-30' }]).fraction).toBeCloseTo(0.5);
    // A move the wrong way is a negative share.
    expect(indicatorProgress(lower, [{ value: 12, asOf: '2026-06-30' }]).fraction).toBeCloseTo(-1 / 3);
  });
  it('counts the target as met exactly at it or beyond, respecting the direction', () => {
    expect(indicatorProgress(higher, [{ value: 0.99, asOf: '2026-06-30' }]).met).toBe(false);
    expect(indicatorProgress(higher, [{ value: 1, asOf: '2026-06-30' }]).met).toBe(true);
    expect(indicatorProgress(higher, [{ value: 1.2, asOf: '2026-06-30' }]).met).toBe(true);
    expect(indicatorProgress(lower, [{ value: 4.5, asOf: '2026-06-30' }]).met).toBe(false);
    expect(indicatorProgress(lower, [{ value: 4, asOf: '2026-06-30' }]).met).toBe(true);
    expect(indicatorProgress(lower, [{ value: 3, asOf: '2026-06-30' }]).met).toBe(true);
  });
  it('judges only the latest reading: an earlier one that met the target does not count', () => {
    const readings = [{ value: 1.1, asOf: '2026-03-31' }, { value: 0.9, asOf: '2026-06-30' }];
    expect(indicatorProgress(higher, readings)).toMatchObject({ latest: { value: 0.9 }, met: false });
  });
});

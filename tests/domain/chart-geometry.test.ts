import { describe, expect, it } from 'vitest';
import { countTicks, labelAnchor, linearScale, monthTicks, percentOf, stackedStepPaths } from '../../lib/domain/chart-geometry';
import { formatIsoDate, isoDateToMs } from '../../lib/domain/dates';

describe('countTicks', () => {
  it('steps by 1, 2 or 5 × 10ⁿ from zero and ends at or above the maximum', () => {
    expect(countTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(countTicks(3)).toEqual([0, 1, 2, 3]);
    expect(countTicks(10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(countTicks(23)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(countTicks(9_999)).toEqual([0, 2000, 4000, 6000, 8000, 10_000]);
  });

  it('never steps by a fraction: counts are whole', () => {
    expect(countTicks(1)).toEqual([0, 1]);
    expect(countTicks(2)).toEqual([0, 1, 2]);
  });

  it('gives a unit axis when there is nothing to count', () => {
    expect(countTicks(0)).toEqual([0, 1]);
    expect(countTicks(Number.NaN)).toEqual([0, 1]);
  });
});

describe('percentOf', () => {
  it('scales, rounds to hundredths and clamps', () => {
    expect(percentOf(1, 3)).toBe(33.33);
    expect(percentOf(5, 4)).toBe(100);
    expect(percentOf(-1, 4)).toBe(0);
    expect(percentOf(2, 0)).toBe(0);
  });
});

describe('monthTicks', () => {

  it('puts a tick on the first of each month after the start', () => {
    expect(monthTicks(isoDateToMs('2026-02-01'), isoDateToMs('2026-05-10')).map(formatIsoDate)).toEqual([
      '2026-03-01', '2026-04-01', '2026-05-01',
    ]);
  });

  it('spaces the ticks out past a year so they stay readable', () => {
    const ticks = monthTicks(isoDateToMs('2024-01-15'), isoDateToMs('2026-01-15'));
    // Just over two years: a tick every six months.
    expect(ticks.map((t) => new Date(t).toISOString().slice(0, 7))).toEqual(['2024-02', '2024-08', '2025-02', '2025-08']);
  });

  it('has no ticks for an empty or reversed span', () => {
    expect(monthTicks(isoDateToMs('2026-02-04'), isoDateToMs('2026-02-04'))).toEqual([]);
    expect(monthTicks(isoDateToMs('2026-03-04'), isoDateToMs('2026-02-04'))).toEqual([]);
  });
});

describe('linearScale', () => {
  it('maps the domain onto the range, inverted ranges included', () => {
    const y = linearScale([0, 10], [300, 0]);
    expect(y(0)).toBe(300);
    expect(y(10)).toBe(0);
    expect(y(2.5)).toBe(225);
    expect(linearScale([5, 5], [0, 100])(5)).toBe(0);
  });
});

describe('stackedStepPaths', () => {
  // Three weekly points in a 100 × 100 box; counts up to 10.
  const x = linearScale([0, 4], [0, 100]);
  const y = linearScale([0, 10], [100, 0]);
  const points = [
    { t: 0, a: 2, b: 1 },
    { t: 1, a: 2, b: 3 },
    { t: 2, a: 4, b: 0 },
  ];

  it('stacks the keys in the order given, each step holding until the next point', () => {
    const paths = stackedStepPaths(points, ['a', 'b'], { x, y, endT: 3 });
    // a: from 0 to 2 then 4 (at t = 2), on the axis.
    expect(paths.a).toBe('M0 80L50 80L50 60L75 60L75 100L0 100Z');
    // b sits on a: upper edge 3, 5, 4; lower edge 2, 2, 4.
    expect(paths.b).toBe('M0 70L25 70L25 50L50 50L50 60L75 60L75 60L50 60L50 80L0 80Z');
  });

  it('leaves out a key that is zero throughout, and the keys above do not move', () => {
    const withZero = points.map((p) => ({ ...p, z: 0 }));
    const paths = stackedStepPaths(withZero, ['z', 'a'], { x, y, endT: 3 });
    expect(paths.z).toBe('');
    expect(paths.a).toBe('M0 80L50 80L50 60L75 60L75 100L0 100Z');
  });

  it('draws a commitment moving back as a step down', () => {
    const paths = stackedStepPaths([{ t: 0, a: 3 }, { t: 1, a: 1 }], ['a'], { x, y, endT: 2 });
    expect(paths.a).toBe('M0 70L25 70L25 90L50 90L50 100L0 100Z');
  });

  it('draws a single point (an agenda signed today) as one block to the end', () => {
    expect(stackedStepPaths([{ t: 0, a: 5 }], ['a'], { x, y, endT: 1 }).a).toBe('M0 50L25 50L25 100L0 100Z');
  });

  it('draws nothing without points', () => {
    expect(stackedStepPaths([] as { t: number; a: number }[], ['a'], { x, y, endT: 1 }).a).toBe('');
  });
});

describe('labelAnchor', () => {
  it('keeps labels near either edge inside the chart', () => {
    expect(labelAnchor(3)).toBe('start');
    expect(labelAnchor(50)).toBe('middle');
    expect(labelAnchor(97)).toBe('end');
  });
});

import { describe, expect, it } from 'vitest';
import { chartEndDate, eventMarkers } from '../../lib/domain/dashboard-events';

const events = [
  { kind: 'talks', title: 'Talks in Islamabad', occursOn: '2026-02-04', planned: false },
  { kind: 'signing', title: 'Joint Declaration signed', occursOn: '2026-02-04', planned: false },
  { kind: 'review', title: 'State visit to review implementation', occursOn: '2026-12-10', planned: true },
  { kind: 'milestone', title: 'Before the agenda', occursOn: '2025-06-01', planned: false },
];

describe('eventMarkers', () => {
  it('merges events of one day, keeps order by date and drops those outside the span', () => {
    expect(eventMarkers(events, { from: '2026-02-04', until: '2026-12-31' })).toEqual([
      { date: '2026-02-04', kinds: ['talks', 'signing'], titles: ['Talks in Islamabad', 'Joint Declaration signed'], planned: false },
      { date: '2026-12-10', kinds: ['review'], titles: ['State visit to review implementation'], planned: true },
    ]);
    expect(eventMarkers(events, { from: '2026-02-05', until: '2026-11-27' })).toEqual([]);
  });
});

describe('chartEndDate', () => {
  it('reaches a planned visit ahead of today, but not one more than a year away', () => {
    expect(chartEndDate(events, '2026-11-27')).toBe('2026-12-10');
    expect(chartEndDate(events, '2026-12-11')).toBe('2026-12-11');
    // A year ahead of 1 November 2025 reaches the talks, not the visit of December 2026.
    expect(chartEndDate(events, '2025-11-01')).toBe('2026-02-04');
  });
});

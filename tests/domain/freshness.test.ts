import { describe, it, expect } from 'vitest';
import { DAY_MS } from '../../lib/domain/dates';
import { STALE_AFTER_DAYS, isOverdue, isStale } from '../../lib/domain/freshness';

describe('isOverdue', () => {
  const today = '2026-06-15';
  it('is true when due yesterday and not achieved', () => {
    expect(isOverdue({ dueDate: '2026-06-14', stage: 'in_progress' }, today)).toBe(true);
    expect(isOverdue({ dueDate: '2026-06-14', stage: 'stalled' }, today)).toBe(true);
    expect(isOverdue({ dueDate: '2025-12-31', stage: 'intent' }, today)).toBe(true);
  });
  it('is false when due today or later', () => {
    expect(isOverdue({ dueDate: '2026-06-15', stage: 'agreed' }, today)).toBe(false);
    expect(isOverdue({ dueDate: '2026-06-16', stage: 'agreed' }, today)).toBe(false);
  });
  it('is false once achieved, and for dropped', () => {
    expect(isOverdue({ dueDate: '2026-01-01', stage: 'achieved' }, today)).toBe(false);
    expect(isOverdue({ dueDate: '2026-01-01', stage: 'dropped' }, today)).toBe(false);
  });
  it('is false with no due date', () => {
    expect(isOverdue({ dueDate: null, stage: 'in_progress' }, today)).toBe(false);
  });
  it('rejects malformed dates', () => {
    expect(() => isOverdue({ dueDate: '2026-06-14', stage: 'agreed' }, '15/06/2026')).toThrow(RangeError);
    expect(() => isOverdue({ dueDate: '2026-02-30', stage: 'agreed' }, today)).toThrow(RangeError);
    expect(() => isOverdue({ dueDate: '2026-6-1', stage: 'agreed' }, today)).toThrow(RangeError);
  });
});

describe('isStale', () => {
  const now = new Date('2026-06-15T12:00:00Z');
  const daysAgo = (d: number) => new Date(now.getTime() - d * DAY_MS);
  const created = '2026-01-01T00:00:00Z';

  it('defaults to 60 days', () => {
    expect(STALE_AFTER_DAYS).toBe(60);
  });
  it('59 days without an update is not stale; 60 and 61 are', () => {
    expect(isStale({ lastUpdateAt: daysAgo(59), createdAt: created, stage: 'in_progress' }, now)).toBe(false);
    expect(isStale({ lastUpdateAt: daysAgo(60), createdAt: created, stage: 'in_progress' }, now)).toBe(true);
    expect(isStale({ lastUpdateAt: daysAgo(61), createdAt: created, stage: 'in_progress' }, now)).toBe(true);
    // One millisecond short of 60 days is still fresh.
    const almost = new Date(daysAgo(60).getTime() + 1);
    expect(isStale({ lastUpdateAt: almost, createdAt: created, stage: 'in_progress' }, now)).toBe(false);
  });
  it('accepts ISO strings for timestamps', () => {
    expect(isStale({ lastUpdateAt: daysAgo(61).toISOString(), createdAt: created, stage: 'agreed' }, now)).toBe(true);
  });
  it('uses createdAt when there has been no update', () => {
    expect(isStale({ lastUpdateAt: null, createdAt: daysAgo(61), stage: 'intent' }, now)).toBe(true);
    expect(isStale({ lastUpdateAt: null, createdAt: daysAgo(10), stage: 'intent' }, now)).toBe(false);
  });
  it('never flags achieved or dropped', () => {
    expect(isStale({ lastUpdateAt: daysAgo(400), createdAt: created, stage: 'achieved' }, now)).toBe(false);
    expect(isStale({ lastUpdateAt: daysAgo(400), createdAt: created, stage: 'dropped' }, now)).toBe(false);
    expect(isStale({ lastUpdateAt: daysAgo(400), createdAt: created, stage: 'stalled' }, now)).toBe(true);
  });
  it('honours a custom threshold and rejects bad input', () => {
    expect(isStale({ lastUpdateAt: daysAgo(31), createdAt: created, stage: 'agreed' }, now, 30)).toBe(true);
    expect(() => isStale({ lastUpdateAt: 'yesterday', createdAt: created, stage: 'agreed' }, now)).toThrow(RangeError);
    expect(() => isStale({ lastUpdateAt: null, createdAt: created, stage: 'agreed' }, now, 0)).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import {
  addDays, DAY_MS, daysBetween, formatIsoDate, isIsoDate, isoDateToMs, monthStart, parseIsoDate, todayIso,
} from '../../lib/domain/dates';

describe('isIsoDate', () => {
  it('accepts real calendar dates written YYYY-MM-DD', () => {
    expect(isIsoDate('2026-02-04')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-12-31')).toBe(true);
  });
  it('rejects impossible dates, other spellings and non-strings', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-00-10')).toBe(false);
    expect(isIsoDate('2026-6-1')).toBe(false);
    expect(isIsoDate('15/06/2026')).toBe(false);
    expect(isIsoDate('2026-06-15T00:00:00Z')).toBe(false);
    expect(isIsoDate(' 2026-06-15')).toBe(false);
    expect(isIsoDate(20260101)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });
});

describe('isoDateToMs and parseIsoDate', () => {
  it('give UTC midnight of the day', () => {
    expect(isoDateToMs('1970-01-02')).toBe(86_400_000);
    expect(isoDateToMs('2026-02-04')).toBe(1_770_163_200_000);
    expect(parseIsoDate('2026-02-04').toISOString()).toBe('2026-02-04T00:00:00.000Z');
  });
  it('throw on anything that is not a real date, instead of giving NaN', () => {
    expect(() => isoDateToMs('2026-02-30')).toThrow(RangeError);
    expect(() => isoDateToMs('')).toThrow(RangeError);
    expect(() => parseIsoDate('4 February 2026')).toThrow(RangeError);
  });
});

describe('formatIsoDate and todayIso', () => {
  it('give the UTC calendar day of an instant, whatever its time of day', () => {
    expect(formatIsoDate(new Date('2026-02-04T00:00:00Z'))).toBe('2026-02-04');
    expect(formatIsoDate(new Date('2026-02-04T23:59:59.999Z'))).toBe('2026-02-04');
    // 04:00 in Islamabad (UTC+5) on the 5th is still the 4th in UTC.
    expect(formatIsoDate(new Date('2026-02-05T04:00:00+05:00'))).toBe('2026-02-04');
    expect(formatIsoDate(1_770_163_200_000)).toBe('2026-02-04');
    expect(todayIso(new Date('2026-11-27T18:30:00Z'))).toBe('2026-11-27');
  });
  it('round-trips with isoDateToMs', () => {
    for (const d of ['2024-02-29', '2026-01-01', '2026-12-31']) expect(formatIsoDate(isoDateToMs(d))).toBe(d);
  });
  it('refuses an invalid instant', () => {
    expect(() => formatIsoDate(new Date('not a date'))).toThrow(RangeError);
    expect(() => formatIsoDate(Number.NaN)).toThrow(RangeError);
  });
  it('defaults to the current day', () => {
    const before = new Date().toISOString();
    const today = todayIso();
    const after = new Date().toISOString();
    expect([before.slice(0, 10), after.slice(0, 10)]).toContain(today);
  });
});

describe('DAY_MS', () => {
  it('is the length of a UTC day', () => {
    expect(isoDateToMs('2026-03-30') - isoDateToMs('2026-03-29')).toBe(DAY_MS);
  });
});

describe('addDays and daysBetween', () => {
  it('move across month and year ends and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-11-27', 366)).toBe('2027-11-28');
    expect(addDays('2026-11-27', 0)).toBe('2026-11-27');
  });
  it('refuses a fraction of a day', () => {
    expect(() => addDays('2026-11-27', 1.5)).toThrow(RangeError);
  });
  it('count whole days, negative when the second date is earlier', () => {
    expect(daysBetween('2026-11-27', '2026-12-10')).toBe(13);
    expect(daysBetween('2026-12-10', '2026-11-27')).toBe(-13);
    expect(daysBetween('2026-02-04', '2026-02-04')).toBe(0);
    expect(daysBetween('2028-02-01', '2028-03-01')).toBe(29);
  });
});

describe('monthStart', () => {
  it('gives the first of the month an instant falls in, or of a later or earlier one', () => {
    const mid = Date.parse('2026-02-15T13:00:00Z');
    expect(new Date(monthStart(mid)).toISOString()).toBe('2026-02-01T00:00:00.000Z');
    expect(new Date(monthStart(mid, 1)).toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(new Date(monthStart(new Date(mid), 11)).toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(new Date(monthStart(mid, -2)).toISOString()).toBe('2025-12-01T00:00:00.000Z');
  });
});

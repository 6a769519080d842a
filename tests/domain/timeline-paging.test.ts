import { describe, expect, it } from 'vitest';
import { cursorShowing, parseTimelineCursor, timelineHref, TIMELINE_PAGE_SIZE } from '../../lib/domain/timeline-paging';

describe('the timeline cursor', () => {
  it('is absent for the latest updates and a sequence number for earlier ones', () => {
    expect(parseTimelineCursor(undefined)).toEqual({ ok: true, before: null });
    expect(parseTimelineCursor('26')).toEqual({ ok: true, before: 26 });
    expect(parseTimelineCursor('2147483647')).toEqual({ ok: true, before: 2147483647 });
  });

  it('refuses anything but one positive whole number that fits the column', () => {
    for (const bad of ['', '0', '-3', '07', '2.5', '1e3', 'abc', ' 12', '2147483648', '99999999999', "1; drop table comments"]) {
      expect(parseTimelineCursor(bad), bad).toEqual({ ok: false });
    }
    expect(parseTimelineCursor(['12', '13'])).toEqual({ ok: false });
  });

  it('makes links to a page of the timeline, landing on its heading or on an update', () => {
    expect(timelineHref('c1', null)).toBe('/commitments/c1#timeline-heading');
    expect(timelineHref('c1', 26)).toBe('/commitments/c1?before=26#timeline-heading');
    expect(timelineHref('c1', 8, 'update-u7')).toBe('/commitments/c1?before=8#update-u7');
  });

  it('finds the page that shows an update: the latest when it is among the newest, else the page it starts', () => {
    expect(cursorShowing(45, 45)).toBeNull();
    expect(cursorShowing(45 - TIMELINE_PAGE_SIZE + 1, 45)).toBeNull();
    expect(cursorShowing(45 - TIMELINE_PAGE_SIZE, 45)).toBe(45 - TIMELINE_PAGE_SIZE + 1);
    expect(cursorShowing(1, 45)).toBe(2);
  });
});

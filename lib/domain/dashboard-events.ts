// The agenda's events as markers on the movement chart: one marker per day (the talks and the
// signing share 4 February), kept only when they fall on the chart's time span.
import { addDays } from './dates';

export interface AgendaEventInput {
  kind: string;
  title: string;
  occursOn: string; // YYYY-MM-DD
  planned: boolean;
}

export interface EventMarker {
  date: string;
  kinds: string[];
  titles: string[];
  /** True when every event of the day is only planned (its date an estimate). */
  planned: boolean;
}

/** Markers for events on or after `from` and no later than `until` (YYYY-MM-DD), one per day, by date. */
export function eventMarkers(events: readonly AgendaEventInput[], { from, until }: { from: string; until: string }): EventMarker[] {
  const byDate = new Map<string, EventMarker>();
  for (const e of events) {
    if (e.occursOn < from || e.occursOn > until) continue;
    const marker = byDate.get(e.occursOn) ?? { date: e.occursOn, kinds: [], titles: [], planned: true };
    if (!marker.kinds.includes(e.kind)) marker.kinds.push(e.kind);
    marker.titles.push(e.title);
    marker.planned &&= e.planned;
    byDate.set(e.occursOn, marker);
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** The last day the chart should reach: today, or the next review visit if it is later but within a year. */
export function chartEndDate(events: readonly AgendaEventInput[], today: string): string {
  const yearAhead = addDays(today, 366);
  return events.reduce((end, e) => (e.occursOn > end && e.occursOn <= yearAhead ? e.occursOn : end), today);
}

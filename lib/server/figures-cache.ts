import 'server-only';
import type { Database } from '@/db/connect';
import { readFiguresRevision } from '@/db/queries/figures';
import { todayIso } from '@/lib/domain/dates';

/**
 * How long figures may be served while nothing is written: what changes with the clock alone (a
 * commitment turning stale, a move leaving the last 30 days) shows within this long. Overdue
 * commitments change with the date, and an entry never outlives the day it was computed on.
 */
const FIGURES_MAX_AGE_MS = 60_000;
/** Entries kept per database: one per agenda, sector and view that was asked for, the least recent dropped first. */
const MAX_ENTRIES = 256;

interface Entry {
  revision: number;
  computedAt: Date;
  value: Promise<unknown>;
}

interface CachedFigures<T> {
  /** What `compute` returned, now or for an earlier request. */
  value: Promise<T>;
  /** Whether an earlier request computed it. */
  reused: boolean;
}

/**
 * Figures this app instance keeps in memory, each with the data revision it was computed after.
 * Every read asks the database for the current revision first (one single-row query), so an entry is
 * served only while no write has committed since it was computed, whichever instance wrote: the
 * writing request raises the revision in its own transaction, before it answers.
 */
class FiguresCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly db: Database) {}

  /**
   * The entry for `key` if it is current, else what `compute(now)` returns, kept for the next
   * request. Concurrent requests share one computation. `mustSucceed` names the parts of the value
   * that settle later (streamed panels): if any of them fails, the entry is dropped, not served again.
   */
  async read<T>(key: string, compute: (now: Date) => Promise<T>, mustSucceed: (value: T) => Promise<unknown> = async () => {}): Promise<CachedFigures<T>> {
    const revision = await readFiguresRevision({ db: this.db });
    const now = new Date();
    const held = this.entries.get(key);
    if (held && held.revision >= revision && isCurrent(held.computedAt, now)) {
      // Least recently used last: the map's order is the order of eviction.
      this.entries.delete(key);
      this.entries.set(key, held);
      return { value: held.value as Promise<T>, reused: true };
    }
    const value = compute(now);
    const entry: Entry = { revision, computedAt: now, value };
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    const forget = () => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    };
    value.then(mustSucceed).catch(forget);
    return { value, reused: false };
  }
}

function isCurrent(computedAt: Date, now: Date): boolean {
  const age = now.getTime() - computedAt.getTime();
  return age >= 0 && age < FIGURES_MAX_AGE_MS && todayIso(computedAt) === todayIso(now);
}

// One cache per database handle: tests and tools may hold several in one process.
const caches = new WeakMap<Database, FiguresCache>();

export function figuresCache(db: Database): FiguresCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new FiguresCache(db);
    caches.set(db, cache);
  }
  return cache;
}

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect';
import { selectRows } from '../../db/rows';
import { CHART_READINGS_LIMIT, TIMELINE_PAGE_SIZE } from '../../lib/domain/timeline-paging';
import { commitmentPageOf, cursorOfUpdate, loadCommitment } from '../../lib/server/commitments';
import { contextFromHeaders, type RequestContext } from '../../lib/server/context';
import { sessionCookieFor, useDatabase } from '../support/app';
import { openSeeded, testEngines } from '../support/seeded';

// The commitment page's timeline in pages: newest first, TIMELINE_PAGE_SIZE at a time, a stable cursor,
// the count of all, and only the shown updates' readings, evidence and comments; the charts' readings capped.

describe.each(testEngines())('the commitment timeline on $name', (engine) => {
  let handle: DatabaseHandle;
  let ctx: RequestContext;
  const one = async <T>(query: ReturnType<typeof sql>) => (await selectRows<T>(handle.db, query))[0]!;

  /** A new commitment (copying a seeded one's agenda, sector and leads) with `count` updates, each with a reading and a link. */
  async function commitmentWithUpdates(reference: string, count: number) {
    const { id } = await one<{ id: string }>(sql`
      insert into commitments (agenda_id, sector_id, reference, title, source_passage, lead_org_a_id, lead_org_b_id)
      select agenda_id, sector_id, ${reference}, 'Paged commitment', 'A passage', lead_org_a_id, lead_org_b_id
        from commitments where reference = 'ISB-03' returning id`);
    const indicator = await one<{ id: string }>(sql`
      insert into indicators (commitment_id, name, unit, baseline_value, baseline_date, target_value, target_date, direction)
      values (${id}, 'Trucks a day', 'trucks', 0, '2020-01-01', 100000, '2030-01-01', 'higher_is_better') returning id`);
    const author = await one<{ id: string }>(sql`select id from users where email = 'admin@agenda.test'`);
    await handle.db.execute(sql`
      insert into status_updates (commitment_id, sequence, author_id, created_at, stage_before, stage_after, health, narrative)
      select ${id}, s, ${author.id}, timestamptz '2024-01-01 00:00Z' + s * interval '1 hour', 'agreed', 'agreed', 'on_track', 'Update number ' || s
        from generate_series(1, ${count}) s`);
    await handle.db.execute(sql`
      insert into indicator_readings (status_update_id, indicator_id, value, as_of)
      select u.id, ${indicator.id}, u.sequence * 10, date '2024-01-01' + u.sequence from status_updates u where u.commitment_id = ${id}`);
    await handle.db.execute(sql`
      insert into evidence_links (status_update_id, url)
      select u.id, 'https://example.org/evidence/' || u.sequence from status_updates u where u.commitment_id = ${id}`);
    return { id, indicatorId: indicator.id, authorId: author.id };
  }

  async function comment(commitmentId: string, authorId: string, body: string, onSequence: number | null, parentId: string | null = null) {
    return (await one<{ id: string }>(sql`
      insert into comments (commitment_id, status_update_id, parent_id, author_id, body)
      values (${commitmentId}, ${onSequence === null ? null : sql`(select id from status_updates where commitment_id = ${commitmentId} and sequence = ${onSequence})`},
              ${parentId}, ${authorId}, ${body}) returning id`)).id;
  }

  const pageOf = async (id: string, before: number | null) => commitmentPageOf(ctx, await loadCommitment(ctx, id), { before });

  let paged: { id: string; indicatorId: string; authorId: string };
  const UPDATES = 2 * TIMELINE_PAGE_SIZE + 5;

  beforeAll(async () => {
    handle = await openSeeded(engine);
    useDatabase(handle);
    ctx = await contextFromHeaders(new Headers({ cookie: await sessionCookieFor(handle, 'admin@agenda.test') }), handle.db);
    paged = await commitmentWithUpdates('T-PAGED', UPDATES);
    const onNewest = await comment(paged.id, paged.authorId, 'On the newest update', UPDATES);
    await comment(paged.id, paged.authorId, 'A reply on the newest update', UPDATES, onNewest);
    await comment(paged.id, paged.authorId, 'On the commitment itself', null);
    await comment(paged.id, paged.authorId, 'On the first update of page two', UPDATES - TIMELINE_PAGE_SIZE);
    await comment(paged.id, paged.authorId, 'On the very first update', 1);
  });
  afterAll(() => handle.close());

  it('shows the latest page newest first, with each update’s own reading and link, the count of all and the next cursor', async () => {
    const page = await pageOf(paged.id, null);
    const sequences = page.updates.map((u) => u.sequence);
    expect(sequences).toEqual(Array.from({ length: TIMELINE_PAGE_SIZE }, (_, i) => UPDATES - i));
    expect(page.timeline).toEqual({ total: UPDATES, before: null, earlier: UPDATES - TIMELINE_PAGE_SIZE + 1 });
    for (const u of page.updates) {
      expect(u.narrative).toBe(`Update number ${u.sequence}`);
      expect(u.readings).toEqual([{ indicatorId: paged.indicatorId, value: u.sequence * 10, asOf: expect.any(String) }]);
      expect(u.evidence).toEqual([`https://example.org/evidence/${u.sequence}`]);
    }
  });

  it('reads the comments of the commitment and of the shown updates only, replies included', async () => {
    const first = await pageOf(paged.id, null);
    expect(first.comments.map((c) => c.body).sort()).toEqual(['A reply on the newest update', 'On the commitment itself', 'On the newest update']);
    const second = await pageOf(paged.id, first.timeline.earlier);
    expect(second.comments.map((c) => c.body).sort()).toEqual(['On the commitment itself', 'On the first update of page two']);
    const shown = new Set(second.updates.map((u) => u.id));
    expect(second.comments.every((c) => c.statusUpdateId === null || shown.has(c.statusUpdateId))).toBe(true);
  });

  it('walks back page by page to the first update, the last page shorter and without a further cursor', async () => {
    const second = await pageOf(paged.id, UPDATES - TIMELINE_PAGE_SIZE + 1);
    expect(second.updates.map((u) => u.sequence)).toEqual(Array.from({ length: TIMELINE_PAGE_SIZE }, (_, i) => UPDATES - TIMELINE_PAGE_SIZE - i));
    expect(second.timeline).toEqual({ total: UPDATES, before: UPDATES - TIMELINE_PAGE_SIZE + 1, earlier: 6 });
    const last = await pageOf(paged.id, 6);
    expect(last.updates.map((u) => u.sequence)).toEqual([5, 4, 3, 2, 1]);
    expect(last.timeline.earlier).toBeNull();
    expect(last.comments.map((c) => c.body).sort()).toEqual(['On the commitment itself', 'On the very first update']);
    expect(await pageOf(paged.id, 1)).toMatchObject({ updates: [], timeline: { total: UPDATES, earlier: null } });
  });

  it('opens the page that shows a given update (a notification’s link), and refuses an update of another commitment', async () => {
    const row = await loadCommitment(ctx, paged.id);
    const idOf = async (sequence: number) =>
      (await one<{ id: string }>(sql`select id from status_updates where commitment_id = ${paged.id} and sequence = ${sequence}`)).id;
    for (const sequence of [UPDATES, UPDATES - TIMELINE_PAGE_SIZE + 1, UPDATES - TIMELINE_PAGE_SIZE, 1]) {
      const before = await cursorOfUpdate(ctx, row, await idOf(sequence));
      const page = await pageOf(paged.id, before!);
      expect(page.updates.map((u) => u.sequence), `update ${sequence}`).toContain(sequence);
    }
    expect(await cursorOfUpdate(ctx, row, await idOf(UPDATES))).toBeNull();
    const other = await one<{ id: string }>(sql`select u.id from status_updates u join commitments c on c.id = u.commitment_id where c.reference = 'ISB-03' limit 1`);
    expect(await cursorOfUpdate(ctx, row, other.id)).toBeUndefined();
    // Accepted in any case, as UUIDs are; anything else is no update.
    expect(await cursorOfUpdate(ctx, row, (await idOf(1)).toUpperCase())).toBe(2);
    for (const bad of ['', 'abc', '3f2504e0-4f89-11d3-9a0c-0305e82c330']) expect(await cursorOfUpdate(ctx, row, bad)).toBeUndefined();
  });

  it('keeps a cursor’s page the same when newer updates are posted, and counts them', async () => {
    const stable = await commitmentWithUpdates('T-STABLE', TIMELINE_PAGE_SIZE + 3);
    const cursor = (await pageOf(stable.id, null)).timeline.earlier!;
    const before = (await pageOf(stable.id, cursor)).updates.map((u) => u.sequence);
    await handle.db.execute(sql`
      insert into status_updates (commitment_id, sequence, author_id, stage_before, stage_after, health)
      select ${stable.id}, ${TIMELINE_PAGE_SIZE + 3} + s, ${stable.authorId}, 'agreed', 'agreed', 'on_track' from generate_series(1, 4) s`);
    const after = await pageOf(stable.id, cursor);
    expect(after.updates.map((u) => u.sequence)).toEqual(before);
    expect(before).toEqual([3, 2, 1]);
    expect(after.timeline.total).toBe(TIMELINE_PAGE_SIZE + 7);
    expect((await pageOf(stable.id, null)).updates[0]!.sequence).toBe(TIMELINE_PAGE_SIZE + 7);
  });

  it('draws each indicator from its most recent readings, at most the chart limit, oldest first, and counts those left out', async () => {
    const small = (await pageOf(paged.id, null)).indicators.find((i) => i.id === paged.indicatorId)!;
    expect(small.readings).toHaveLength(UPDATES);
    expect(small.readingsLeftOut).toBe(0);

    const many = await commitmentWithUpdates('T-MANY', CHART_READINGS_LIMIT + 3);
    const page = await pageOf(many.id, null);
    const ind = page.indicators.find((i) => i.id === many.indicatorId)!;
    expect(ind.readings).toHaveLength(CHART_READINGS_LIMIT);
    expect(ind.readingsLeftOut).toBe(3);
    expect(ind.readings.map((r) => r.sequence)).toEqual(Array.from({ length: CHART_READINGS_LIMIT }, (_, i) => i + 4));
    const days = ind.readings.map((r) => r.asOf);
    expect(days).toEqual([...days].sort());
    expect(page.updates).toHaveLength(TIMELINE_PAGE_SIZE);
    expect(page.timeline.total).toBe(CHART_READINGS_LIMIT + 3);
  });
});

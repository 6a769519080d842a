import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect';
import { listCommitments } from '../../db/queries/commitments';
import { comments, commitments, users } from '../../db/schema';
import { parseCommitmentFilters } from '../../lib/domain/commitment-filters';
import { BRIEFING_THREADS_SHOWN, headlineHrefs } from '../../lib/domain/briefing';
import { briefingParams, computeBriefing, resolveBriefingScope } from '../../lib/server/briefing';
import { isAppError } from '../../lib/server/errors';
import { FROM, insertBriefingHistory, TO } from '../support/briefing-history';
import { testEngines } from '../support/databases';

describe.each(testEngines())('the briefing as at two days on $name', (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await engine.open();
    await insertBriefingHistory(handle.db);
  });
  afterAll(() => handle.close());

  const briefing = async (query: Record<string, string> = { from: FROM, to: TO }) =>
    computeBriefing(handle.db, await resolveBriefingScope(handle.db, briefingParams(query)));

  it('counts the headline at the end of each day: created in the period (and moved on from intent), moved back, dropped, and a reading after `to` left out', async () => {
    const b = await briefing();
    expect(b.headline).toEqual({
      commitments: 5, commitmentsThen: 4, created: 1, movedForward: 2, movedBack: 1, measurableThen: 0, measurableNow: 1, overdue: 1, stale: 1,
    });
    expect(b.pipeline.totals).toMatchObject({ intent: 1, agreed: 2, measurable: 1, dropped: 1, achieved: 0 });
  });

  it('lists each changed commitment with its stage then and now, readings then and now, and the evidence of the period', async () => {
    const b = await briefing();
    const changed = Object.fromEntries(b.sectors.flatMap((s) => s.commitments).map((c) => [c.reference, c]));
    expect(Object.keys(changed).sort()).toEqual(['B1', 'D1', 'N1', 'R1']);
    expect(changed.N1).toMatchObject({ stageThen: null, stageNow: 'agreed' });
    expect(changed.B1).toMatchObject({ stageThen: 'in_progress', stageNow: 'agreed', healthNow: 'at_risk', nextStep: 'Ministers to agree new funding in April.' });
    expect(changed.D1).toMatchObject({ stageThen: 'agreed', stageNow: 'dropped', stuck: false });
    expect(changed.R1).toMatchObject({ stageThen: 'in_progress', stageNow: 'measurable', evidence: ['https://example.gov/r1-march'] });
    expect(changed.R1!.readings).toEqual([
      expect.objectContaining({ baseline: 0, target: 100, then: { value: 10, asOf: '2026-01-15' }, now: { value: 40, asOf: '2026-03-10' } }),
    ]);
  });

  it('says what is stuck and what needs a decision, with the leads and the last narrative', async () => {
    const b = await briefing();
    expect(b.stuck.map((c) => [c.reference, c.overdue, c.stale])).toEqual([['S1', true, true]]);
    expect(b.stuck[0]!.leads).toEqual(['Ministry of Energy KZ', 'Ministry of Energy PK']);
    expect(b.decisions.map((c) => [c.reference, c.narrative])).toEqual([['B1', 'The funding fell through.']]);
  });

  it('moves with its dates: a week after `to` the later reading and the achievement count', async () => {
    const b = await briefing({ from: FROM, to: '2026-04-07' });
    expect(b.headline).toMatchObject({ measurableNow: 1, movedForward: 2 });
    const r1 = b.sectors.flatMap((s) => s.commitments).find((c) => c.reference === 'R1')!;
    expect(r1).toMatchObject({ stageNow: 'achieved' });
    expect(r1.readings[0]!.now).toEqual({ value: 100, asOf: '2026-04-01' });
  });

  it('links its figures to the list as at the same day, which shows the same rows', async () => {
    const b = await briefing();
    const href = new URL(headlineHrefs(b).measurableNow, 'http://x');
    const parsed = parseCommitmentFilters(href.searchParams);
    if (!parsed.ok) throw new Error('bad link');
    const { items, total } = await listCommitments({ db: handle.db, filters: parsed.filters });
    expect(total).toBe(b.headline.measurableNow);
    expect(items.map((c) => c.reference)).toEqual(['R1']);
  });

  it('starts at the signing by default, and refuses bad dates, from after to and unknown sectors with field messages', async () => {
    const scope = await resolveBriefingScope(handle.db, briefingParams({ to: TO }));
    expect([scope.from, scope.since]).toEqual(['2026-01-01', { kind: 'signing' }]);
    const fieldsOf = async (query: Record<string, string>) => {
      try {
        await resolveBriefingScope(handle.db, briefingParams(query));
      } catch (error) {
        if (isAppError(error)) return [error.status, Object.keys(error.fields)];
        throw error;
      }
      return [200, []];
    };
    expect(await fieldsOf({ from: '2026-02-30' })).toEqual([422, ['from']]);
    expect(await fieldsOf({ from: '2026-03-01', to: '2026-02-01' })).toEqual([422, ['from']]);
    expect(await fieldsOf({ sector: 'nowhere' })).toEqual([422, ['sector']]);
    expect(await fieldsOf({ colour: 'red' })).toEqual([422, ['_']]);
  });

  it('lists the threads open at the end of `to`, the most recently started first and at most BRIEFING_THREADS_SHOWN, and counts them all', async () => {
    const [author] = await handle.db.select({ id: users.id }).from(users).limit(1);
    const [b1] = await handle.db.select({ id: commitments.id }).from(commitments).where(eq(commitments.reference, 'B1'));
    const open = BRIEFING_THREADS_SHOWN + 2;
    const day = (i: number) => new Date(Date.UTC(2026, 2, 1, 0, i));
    const started = await handle.db.insert(comments)
      .values(Array.from({ length: open }, (_, i) => ({ commitmentId: b1!.id, authorId: author!.id, body: `Question ${i}`, createdAt: day(i) })))
      .returning({ id: comments.id });
    await handle.db.insert(comments).values([
      // Not open at the end of `to`: resolved by then, started after it, and a reply (not a thread).
      { commitmentId: b1!.id, authorId: author!.id, body: 'Resolved', createdAt: day(100), resolvedAt: new Date('2026-03-20T00:00:00Z'), resolvedById: author!.id },
      { commitmentId: b1!.id, authorId: author!.id, body: 'Later', createdAt: new Date('2026-04-02T00:00:00Z') },
      { commitmentId: b1!.id, authorId: author!.id, body: 'A reply', createdAt: day(200), parentId: started[0]!.id },
    ]);
    const b = await briefing();
    expect(b.threadsOpen).toBe(open);
    expect(b.threads.map((t) => t.body)).toEqual(Array.from({ length: BRIEFING_THREADS_SHOWN }, (_, i) => `Question ${open - 1 - i}`));
    expect(b.threads[0]).toMatchObject({ reference: 'B1', commitmentId: b1!.id, createdAt: day(open - 1).toISOString() });
  });
});

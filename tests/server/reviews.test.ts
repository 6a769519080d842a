import { sql } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as briefingRoute from '../../app/api/v1/briefing/route';
import * as holdRoute from '../../app/api/v1/reviews/[id]/hold/route';
import * as reviewRoute from '../../app/api/v1/reviews/[id]/route';
import * as reviewsRoute from '../../app/api/v1/reviews/route';
import * as reviewPdfRoute from '../../app/reviews/[id]/pdf/route';
import type { DatabaseHandle } from '../../db/connect';
import { selectRows } from '../../db/rows';
import { call, commitmentId, recordExchanges } from '../support/api';
import { jsonRequest, sessionCookieFor, useDatabase } from '../support/app';
import { sqlStateOf } from '../support/fixtures';
import { documentChecker, type Exchange } from '../support/openapi';
import { openSeeded, testEngines } from '../support/seeded';

// The done-when journey through the API: an official reads the briefing from the talks, holds the
// state visit's review (re-dated to a day that has come), and the next briefing starts from it; the
// held review never changes afterwards, even when an update is back-dated into its period.
describe.each(testEngines())('reviews and their frozen briefings on $name', (engine) => {
  let handle: DatabaseHandle;
  let official: string;
  let review: string;
  let exchanges: Exchange[]; // every answer of the API below, checked against the OpenAPI document at the end
  beforeAll(async () => {
    exchanges = recordExchanges();
    handle = await openSeeded(engine);
    useDatabase(handle);
    official = await sessionCookieFor(handle, 'official@agenda.test');
  });
  afterAll(() => handle.close());

  it('lists the seeded state visit, and refuses bad input with field messages', async () => {
    const list = await call(reviewsRoute.GET, 'GET', '/api/v1/reviews', { cookie: official });
    expect(list.status).toBe(200);
    expect(list.json.items).toEqual([expect.objectContaining({ name: 'State visit to review implementation', date: '2026-12-10', held: false, can: { edit: true, hold: true } })]);
    review = list.json.items[0].id;
    const bad = await call(reviewsRoute.POST, 'POST', '/api/v1/reviews', { cookie: official, body: { name: '', date: '2026-02-30' } });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.json.error.fields).sort()).toEqual(['date', 'name']);
    const early = await call(reviewsRoute.POST, 'POST', '/api/v1/reviews', { cookie: official, body: { name: 'Before the talks', date: '2026-01-01' } });
    expect([early.status, Object.keys(early.json.error.fields)]).toEqual([422, ['date']]);
    for (const query of ['from=2026-13-01', 'from=2026-06-01&to=2026-05-01', 'sector=nowhere']) {
      const answer = await call(briefingRoute.GET, 'GET', `/api/v1/briefing?${query}`, { cookie: official });
      expect([answer.status, Object.keys(answer.json.error.fields)], query).toEqual([422, [query.includes('sector') ? 'sector' : 'from']]);
    }
  });

  it('holds a review on or after its date only, freezes its briefing and PDF, and later briefings start there', async () => {
    const notYet = await call(holdRoute.POST, 'POST', `/api/v1/reviews/${review}/hold`, { cookie: official, params: { id: review }, body: {} });
    expect(notYet.status).toBe(422);
    const redated = await call(reviewRoute.PATCH, 'PATCH', `/api/v1/reviews/${review}`, { cookie: official, params: { id: review }, body: { date: '2026-11-20' } });
    expect([redated.status, redated.json.date]).toEqual([200, '2026-11-20']);
    const held = await call(holdRoute.POST, 'POST', `/api/v1/reviews/${review}/hold`, { cookie: official, params: { id: review }, body: {} });
    expect(held.status).toBe(200);
    expect(held.json).toMatchObject({ held: true, heldBy: { name: expect.any(String) }, briefing: { from: '2026-02-04', to: '2026-11-20', since: { kind: 'signing' } } });
    expect((await call(holdRoute.POST, 'POST', `/api/v1/reviews/${review}/hold`, { cookie: official, params: { id: review }, body: {} })).status).toBe(409);
    expect((await call(reviewRoute.PATCH, 'PATCH', `/api/v1/reviews/${review}`, { cookie: official, params: { id: review }, body: { name: 'Renamed' } })).status).toBe(409);

    const next = await call(briefingRoute.GET, 'GET', '/api/v1/briefing?to=2026-11-27', { cookie: official });
    expect(next.json).toMatchObject({ from: '2026-11-20', since: { kind: 'review', name: 'State visit to review implementation' } });

    const pdf = await reviewPdfRoute.GET(jsonRequest('GET', `/reviews/${review}/pdf`, { cookie: official }), { params: Promise.resolve({ id: review }) });
    expect(pdf.headers.get('content-disposition')).toBe('attachment; filename="briefing-kz-pk-2026-11-20.pdf"');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.arrayBuffer())), { mergePages: true });
    expect(text).toContain('From 2026-02-04 to 2026-11-20');
  });

  it('keeps the held briefing unchanged after a back-dated update, which the recomputed briefing does show', async () => {
    const before = (await call(reviewRoute.GET, 'GET', `/api/v1/reviews/${review}`, { cookie: official, params: { id: review } })).json;
    const stuck: string[] = before.briefing.stuck.map((c: { reference: string }) => c.reference);
    const [target] = await selectRows<{ reference: string }>(
      handle.db,
      sql`select reference from commitments where stage not in ('achieved', 'dropped') order by reference`,
    ).then((rows) => rows.filter((r) => !stuck.includes(r.reference)));
    const id = await commitmentId(handle, target!.reference);
    const [author] = await selectRows<{ id: string }>(handle.db, sql`select id from users where email = 'admin@agenda.test'`);
    // An update written straight into the table with a time inside the held period.
    await handle.db.execute(sql`
      insert into status_updates (commitment_id, sequence, author_id, created_at, stage_before, stage_after, health, narrative)
      select ${id}, max(sequence) + 1, ${author!.id}, timestamptz '2026-11-10 12:00Z', (select stage from commitments where id = ${id}), 'stalled', 'off_track', 'Back-dated.'
        from status_updates where commitment_id = ${id}`);
    const recomputed = (await call(briefingRoute.GET, 'GET', '/api/v1/briefing?from=2026-02-04&to=2026-11-20', { cookie: official })).json;
    expect(recomputed.stuck.map((c: { reference: string }) => c.reference)).toContain(target!.reference);
    const after = (await call(reviewRoute.GET, 'GET', `/api/v1/reviews/${review}`, { cookie: official, params: { id: review } })).json;
    expect(after.briefing).toEqual(before.briefing);
    // And nobody, whoever connects to the database, can change or delete the held row.
    expect(await sqlStateOf(handle.db.execute(sql`update reviews set name = 'Changed' where id = ${review}`))).toBe('23001');
    expect(await sqlStateOf(handle.db.execute(sql`delete from reviews where id = ${review}`))).toBe('23001');
  });

  it('answered every request above as the OpenAPI document describes', async () => {
    const planned = await call(reviewsRoute.POST, 'POST', '/api/v1/reviews', { cookie: official, body: { name: 'Ministerial follow-up', date: '2027-03-01' } });
    expect(planned.status).toBe(201);
    const seen = new Set(exchanges.map((e) => `${e.method} ${e.path.replace(/[0-9a-f-]{36}/g, '{id}').split('?')[0]} ${e.status}`));
    for (const expected of [
      'GET /api/v1/briefing 200', 'GET /api/v1/briefing 422', 'GET /api/v1/reviews 200', 'POST /api/v1/reviews 201', 'POST /api/v1/reviews 422',
      'GET /api/v1/reviews/{id} 200', 'PATCH /api/v1/reviews/{id} 200', 'PATCH /api/v1/reviews/{id} 409',
      'POST /api/v1/reviews/{id}/hold 200', 'POST /api/v1/reviews/{id}/hold 409', 'POST /api/v1/reviews/{id}/hold 422',
    ]) expect(seen).toContain(expected);
    expect(exchanges.flatMap(documentChecker())).toEqual([]);
  });
});

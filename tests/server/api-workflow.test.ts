import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as commentsRoute from '../../app/api/v1/commitments/[id]/comments/route';
import * as commitmentRoute from '../../app/api/v1/commitments/[id]/route';
import * as updatesRoute from '../../app/api/v1/commitments/[id]/updates/route';
import * as listRoute from '../../app/api/v1/commitments/route';
import * as resolveRoute from '../../app/api/v1/comments/[id]/resolve/route';
import type { DatabaseHandle } from '../../db/connect';
import { selectRows } from '../../db/rows';
import { call, commitmentId, indicatorIds, recordExchanges } from '../support/api';
import { sessionCookieFor, useDatabase } from '../support/app';
import { fingerprint } from '../support/fingerprint';
import { documentChecker, type Exchange } from '../support/openapi';
import { openSeeded, testEngines } from '../support/seeded';

describe.each(testEngines())('the commitment workflow through API v1 on $name', (engine) => {
  let handle: DatabaseHandle;
  const cookies: Record<string, string> = {};
  let corridors: string; // ISB-06, led by the staff user's ministry, in progress
  let energy: string; // ISB-08, led by another ministry
  let exchanges: Exchange[]; // every answer below, checked against the OpenAPI document at the end

  beforeAll(async () => {
    exchanges = recordExchanges();
    handle = await openSeeded(engine);
    useDatabase(handle);
    for (const role of ['staff', 'official', 'reviewer', 'admin']) cookies[role] = await sessionCookieFor(handle, `${role}@agenda.test`);
    corridors = await commitmentId(handle, 'ISB-06');
    energy = await commitmentId(handle, 'ISB-08');
  });
  afterAll(() => handle.close());

  it('lists commitments with filters, pagination and the agreed shape', async () => {
    const all = await call(listRoute.GET, 'GET', '/api/v1/commitments?pageSize=5', { cookie: cookies.official });
    expect(all.status).toBe(200);
    expect(all.json).toMatchObject({ page: 1, pageSize: 5, total: 18 });
    expect(all.json.items).toHaveLength(5);
    const trade = await call(listRoute.GET, 'GET', '/api/v1/commitments?sector=trade-investment&sort=reference', { cookie: cookies.official });
    expect(trade.json.items.map((c: { sector: string }) => c.sector)).toEqual(Array(trade.json.total).fill('trade-investment'));
    const item = trade.json.items[0];
    for (const key of ['id', 'title', 'agendaId', 'sector', 'stage', 'health', 'dueDate', 'version', 'leadOrganisations', 'can']) {
      expect(item).toHaveProperty(key);
    }
    expect(item.can).toEqual({ edit: false, update: false, comment: false });
    const search = await call(listRoute.GET, 'GET', '/api/v1/commitments?q=Shanghai', { cookie: cookies.official });
    expect(search.json.total).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(search.json.items)).toContain('Shanghai');
  });

  it('answers 401 to nobody and 422 naming a bad filter', async () => {
    expect((await call(listRoute.GET, 'GET', '/api/v1/commitments')).status).toBe(401);
    const bad = await call(listRoute.GET, 'GET', '/api/v1/commitments?stage=finished', { cookie: cookies.official });
    expect(bad.status).toBe(422);
    expect(bad.json.error.fields.stage[0]).toMatch(/stage must be one of/);
  });

  it('tells each caller what they may do with a commitment', async () => {
    const get = (who: string, id: string) => call(commitmentRoute.GET, 'GET', `/api/v1/commitments/${id}`, { cookie: cookies[who], params: { id } });
    expect((await get('staff', corridors)).json.can).toEqual({ edit: true, update: true, comment: true });
    expect((await get('staff', energy)).json.can).toEqual({ edit: false, update: false, comment: true });
    expect((await get('reviewer', energy)).json.can).toEqual({ edit: false, update: false, comment: true });
    expect((await get('admin', energy)).json.can).toEqual({ edit: true, update: true, comment: true });
    const detail = (await get('official', corridors)).json;
    expect(detail.updates.length).toBeGreaterThan(0);
    expect(detail.indicators[0]).toMatchObject({ unit: expect.any(String), baselineValue: 0, targetValue: 3 });
    expect((await get('official', '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await get('official', 'not-a-uuid')).status).toBe(404);
  });

  it('writes every time as ISO 8601 in UTC and every date as YYYY-MM-DD, as the README promises', async () => {
    const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
    const day = /^\d{4}-\d{2}-\d{2}$/;
    const seen = { times: 0, dates: 0 };
    const check = (value: unknown, key = ''): void => {
      if (Array.isArray(value)) return value.forEach((v) => check(v, key));
      if (value && typeof value === 'object') return Object.entries(value).forEach(([k, v]) => check(v, k));
      if (typeof value !== 'string') return;
      if (key.endsWith('At')) {
        expect(`${key}: ${value}`).toMatch(new RegExp(`^${key}: ${iso.source.slice(1)}`));
        seen.times++;
      } else if (/Date$|^asOf$/.test(key)) {
        expect(`${key}: ${value}`).toMatch(new RegExp(`^${key}: ${day.source.slice(1)}`));
        seen.dates++;
      }
    };
    const detail = await call(commitmentRoute.GET, 'GET', `/api/v1/commitments/${corridors}`, { cookie: cookies.official, params: { id: corridors } });
    check(detail.json);
    expect(detail.json.updatedAt).toBe(new Date(detail.json.updatedAt).toISOString());
    check((await call(listRoute.GET, 'GET', '/api/v1/commitments?pageSize=100', { cookie: cookies.official })).json);
    const comment = await call(commentsRoute.POST, 'POST', `/api/v1/commitments/${energy}/comments`, { cookie: cookies.reviewer, params: { id: energy }, body: { body: 'A time check' } });
    check(comment.json);
    check((await call(resolveRoute.POST, 'POST', `/api/v1/comments/${comment.json.id}/resolve`, { cookie: cookies.reviewer, params: { id: comment.json.id }, body: {} })).json);
    const stale = await call(commitmentRoute.PATCH, 'PATCH', `/api/v1/commitments/${energy}`, { cookie: cookies.admin, params: { id: energy }, body: { version: 99, title: 'Too late' } });
    expect(stale.status).toBe(409);
    check(stale.json.error.current);
    expect(seen.times).toBeGreaterThan(20);
    expect(seen.dates).toBeGreaterThan(5);
  });

  it('answers a method an endpoint does not serve with 405, Allow and the API’s error shape', async () => {
    const cases = [
      [commitmentRoute.DELETE, 'DELETE', `/api/v1/commitments/${corridors}`, 'GET, HEAD, OPTIONS, PATCH'],
      [listRoute.PUT, 'PUT', '/api/v1/commitments', 'GET, HEAD, OPTIONS, POST'],
      [resolveRoute.GET, 'GET', `/api/v1/comments/${corridors}/resolve`, 'OPTIONS, POST'],
    ] as const;
    for (const [handler, method, path, allow] of cases) {
      const response = await handler(new Request(`http://localhost:3000${path}`, { method, headers: { cookie: cookies.admin! } }), { params: Promise.resolve({ id: corridors }) });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe(allow);
      expect((await response.json()).error).toEqual({ code: 'method_not_allowed', message: `This endpoint does not accept ${method}. It accepts: ${allow}.` });
    }
    const options = await listRoute.OPTIONS(new Request('http://localhost:3000/api/v1/commitments', { method: 'OPTIONS' }), { params: Promise.resolve({}) });
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toBe('GET, HEAD, OPTIONS, POST');
  });

  it('refuses a move the stage rules forbid and changes nothing', async () => {
    const before = await fingerprint(handle.db);
    const [indicator] = await indicatorIds(handle, 'ISB-06');
    const refused = await call(updatesRoute.POST, 'POST', `/api/v1/commitments/${corridors}/updates`, {
      cookie: cookies.staff, params: { id: corridors },
      body: { stage: 'measurable', health: 'on_track', narrative: 'Road map signed.', readings: [{ indicatorId: indicator, value: 1, asOf: '2026-11-20' }], evidence: [] },
    });
    expect(refused.status).toBe(422);
    expect(refused.json.error.fields.evidence[0]).toMatch(/evidence/i);
    expect(await fingerprint(handle.db)).toEqual(before);
  });

  it('lets staff of the lead ministry move a commitment to measurable progress with a reading and evidence', async () => {
    const [indicator] = await indicatorIds(handle, 'ISB-06');
    const posted = await call(updatesRoute.POST, 'POST', `/api/v1/commitments/${corridors}/updates`, {
      cookie: cookies.staff, params: { id: corridors },
      body: {
        stage: 'measurable', health: 'on_track', narrative: 'Trade corridor road map signed.', nextStep: 'Customs agreement.',
        readings: [{ indicatorId: indicator, value: 1, asOf: '2026-11-20' }], evidence: ['https://example.gov.kz/roadmap.pdf'],
      },
    });
    expect(posted.status).toBe(201);
    const detail = (await call(commitmentRoute.GET, 'GET', `/api/v1/commitments/${corridors}`, { cookie: cookies.official, params: { id: corridors } })).json;
    expect(detail.stage).toBe('measurable');
    expect(detail.updates[0]).toMatchObject({
      id: posted.json.id, stageBefore: 'in_progress', stageAfter: 'measurable', evidence: ['https://example.gov.kz/roadmap.pdf'],
      readings: [{ indicatorId: indicator, value: 1, asOf: '2026-11-20' }],
    });
    const [audit] = await selectRows<{ action: string }>(handle.db, sql`select action from audit_events where entity_id = ${corridors} order by id desc limit 1`);
    expect(audit!.action).toBe('status_update.created');
  });

  it('refuses staff an update on another ministry’s commitment, and leaves every table as it was', async () => {
    const before = await fingerprint(handle.db);
    const refused = await call(updatesRoute.POST, 'POST', `/api/v1/commitments/${energy}/updates`, {
      cookie: cookies.staff, params: { id: energy }, body: { stage: 'in_progress', health: 'at_risk', narrative: 'Resumed.' },
    });
    expect(refused.status).toBe(403);
    expect(await fingerprint(handle.db)).toEqual(before);
  });

  it('lets a reviewer comment on an update, reply, resolve and reopen the thread', async () => {
    const detail = (await call(commitmentRoute.GET, 'GET', `/api/v1/commitments/${corridors}`, { cookie: cookies.reviewer, params: { id: corridors } })).json;
    const updateId = detail.updates[0].id;
    const first = await call(commentsRoute.POST, 'POST', `/api/v1/commitments/${corridors}/comments`, {
      cookie: cookies.reviewer, params: { id: corridors }, body: { body: 'Please attach the signed text.', updateId },
    });
    expect(first.status).toBe(201);
    const reply = await call(commentsRoute.POST, 'POST', `/api/v1/commitments/${corridors}/comments`, {
      cookie: cookies.staff, params: { id: corridors }, body: { body: 'Attached in the evidence link.', parentId: first.json.id },
    });
    expect(reply.status).toBe(201);
    expect(reply.json.statusUpdateId).toBe(updateId);
    const resolved = await call(resolveRoute.POST, 'POST', `/api/v1/comments/${reply.json.id}/resolve`, {
      cookie: cookies.reviewer, params: { id: reply.json.id }, body: {},
    });
    expect(resolved.json).toMatchObject({ id: first.json.id, resolved: true });
    const reopened = await call(resolveRoute.POST, 'POST', `/api/v1/comments/${first.json.id}/resolve`, {
      cookie: cookies.reviewer, params: { id: first.json.id }, body: { resolved: false },
    });
    expect(reopened.json).toMatchObject({ resolved: false });
    const official = await call(commentsRoute.POST, 'POST', `/api/v1/commitments/${corridors}/comments`, {
      cookie: cookies.official, params: { id: corridors }, body: { body: 'Officials read only.' },
    });
    expect(official.status).toBe(403);
  });

  it('records ten concurrent updates on one commitment, in order, ending in the state of the last', async () => {
    const target = await commitmentId(handle, 'ISB-07');
    const [{ n: before }] = (await selectRows<{ n: number }>(handle.db, sql`select count(*)::int as n from status_updates where commitment_id = ${target}`)) as [{ n: number }];
    const healths = ['on_track', 'at_risk', 'off_track'] as const;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        call(updatesRoute.POST, 'POST', `/api/v1/commitments/${target}/updates`, {
          cookie: cookies.admin, params: { id: target }, body: { stage: 'in_progress', health: healths[i % 3], narrative: `Concurrent update ${i}` },
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
    const rows = await selectRows<{ sequence: number; health: string; narrative: string }>(
      handle.db, sql`select sequence, health, narrative from status_updates where commitment_id = ${target} order by sequence`,
    );
    expect(rows).toHaveLength(before + 10);
    expect(rows.map((r) => r.sequence)).toEqual(Array.from({ length: before + 10 }, (_, i) => i + 1));
    expect(new Set(rows.slice(before).map((r) => r.narrative)).size).toBe(10);
    const [commitment] = await selectRows<{ health: string }>(handle.db, sql`select health from commitments where id = ${target}`);
    expect(commitment!.health).toBe(rows.at(-1)!.health);
  });

  it('lets exactly one of two concurrent edits of the same version win; the other gets 409 with the current record', async () => {
    const target = await commitmentId(handle, 'ISB-02');
    const current = (await call(commitmentRoute.GET, 'GET', `/api/v1/commitments/${target}`, { cookie: cookies.staff, params: { id: target } })).json;
    const edit = (title: string) =>
      call(commitmentRoute.PATCH, 'PATCH', `/api/v1/commitments/${target}`, { cookie: cookies.staff, params: { id: target }, body: { version: current.version, title } });
    const [a, b] = await Promise.all([edit('Expand bilateral trade (edit A)'), edit('Expand bilateral trade (edit B)')]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    const winner = a.status === 200 ? a : b;
    expect(loser.json.error.code).toBe('conflict');
    expect(loser.json.error.current).toMatchObject({ version: current.version + 1, title: winner.json.title });
    const [row] = await selectRows<{ title: string; version: number }>(handle.db, sql`select title, version from commitments where id = ${target}`);
    expect(row).toEqual({ title: winner.json.title, version: current.version + 1 });
  });

  it('creates a commitment for the staff user’s own ministry, and refuses one that leaves it out', async () => {
    const [org] = await selectRows<{ agenda: string; pk: string; other_kz: string; own: string }>(
      handle.db,
      sql`select (select id from agendas limit 1) as agenda,
                 (select id from organisations where country = 'PK' order by name limit 1) as pk,
                 (select id from organisations where country = 'KZ' and name like 'Ministry of Energy%' limit 1) as other_kz,
                 (select organisation_id from users where email = 'staff@agenda.test') as own`,
    );
    const body = (leadA: string) => ({
      agendaId: org!.agenda, sector: 'trade-investment', title: 'Open a joint trade house in Almaty',
      sourcePassage: 'significantly expanding trade, economic and investment cooperation', leadOrgAId: leadA, leadOrgBId: org!.pk, dueDate: '2027-03-31',
    });
    const created = await call(listRoute.POST, 'POST', '/api/v1/commitments', { cookie: cookies.staff, body: body(org!.own) });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ stage: 'intent', version: 1, reference: 'ISB-19', can: { edit: true, update: true, comment: true } });
    const before = await fingerprint(handle.db);
    const refused = await call(listRoute.POST, 'POST', '/api/v1/commitments', { cookie: cookies.staff, body: body(org!.other_kz) });
    expect(refused.status).toBe(403);
    expect(await fingerprint(handle.db)).toEqual(before);
  });

  it('answered every request above as the OpenAPI document describes', () => {
    const problemsOf = documentChecker();
    expect(exchanges.length).toBeGreaterThan(30);
    expect(exchanges.flatMap(problemsOf)).toEqual([]);
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as commentsRoute from '../../app/api/v1/commitments/[id]/comments/route';
import * as commitmentRoute from '../../app/api/v1/commitments/[id]/route';
import * as updatesRoute from '../../app/api/v1/commitments/[id]/updates/route';
import * as listRoute from '../../app/api/v1/commitments/route';
import * as resolveRoute from '../../app/api/v1/comments/[id]/resolve/route';
import type { DatabaseHandle } from '../../db/connect';
import { selectRows } from '../../db/rows';
import { APP_ORIGIN, sessionCookieFor, useDatabase } from '../support/app';
import { commitmentId, indicatorIds, type RouteHandler } from '../support/api';
import { fingerprint } from '../support/fingerprint';
import { openSeeded, testEngines } from '../support/seeded';

interface Ids {
  corridors: string;
  energy: string;
  indicator: string;
  otherIndicator: string;
  agenda: string;
  kz: string;
  pk: string;
  foreignUpdate: string;
  foreignComment: string;
}

interface Case {
  name: string;
  route: RouteHandler;
  method: string;
  path: (ids: Ids) => string;
  params: (ids: Ids) => Record<string, string>;
  body?: (ids: Ids) => unknown;
  raw?: string;
  /** Bytes sent as they are, for bodies that are not UTF-8. */
  bytes?: number[];
  headers?: Record<string, string>;
  status: number;
  field?: string;
}

const update = (ids: Ids, extra: Record<string, unknown> = {}) => ({ stage: 'in_progress', health: 'on_track', ...extra });
const reading = (ids: Ids, r: Record<string, unknown>) => ({ indicatorId: ids.indicator, value: 1, asOf: '2026-11-20', ...r });
const commitment = (ids: Ids, extra: Record<string, unknown> = {}) => ({
  agendaId: ids.agenda, sector: 'energy', title: 'A new commitment', sourcePassage: 'The sides also discussed prospects',
  leadOrgAId: ids.kz, leadOrgBId: ids.pk, ...extra,
});
const indicator = { name: 'Trade', unit: 'USD million', baselineValue: 10, baselineDate: '2026-01-01', targetValue: 20, targetDate: '2026-12-31', direction: 'higher_is_better' };

const onUpdates = { route: updatesRoute.POST, method: 'POST', path: (i: Ids) => `/api/v1/commitments/${i.corridors}/updates`, params: (i: Ids) => ({ id: i.corridors }) };
const onCreate = { route: listRoute.POST, method: 'POST', path: () => '/api/v1/commitments', params: () => ({}) };
const onPatch = { route: commitmentRoute.PATCH, method: 'PATCH', path: (i: Ids) => `/api/v1/commitments/${i.corridors}`, params: (i: Ids) => ({ id: i.corridors }) };
const onComments = { route: commentsRoute.POST, method: 'POST', path: (i: Ids) => `/api/v1/commitments/${i.corridors}/comments`, params: (i: Ids) => ({ id: i.corridors }) };
const onResolve = { route: resolveRoute.POST, method: 'POST', path: (i: Ids) => `/api/v1/comments/${i.foreignComment}/resolve`, params: (i: Ids) => ({ id: i.foreignComment }) };
// {"body":"…"} around bytes that are not UTF-8.
const commentBytes = (...bad: number[]) => [...Buffer.from('{"body":"a'), ...bad, ...Buffer.from('b"}')];
const onList = (query: string) => ({ route: listRoute.GET, method: 'GET', path: () => `/api/v1/commitments?${query}`, params: () => ({}) });

const CASES: Case[] = [
  // Status updates
  { name: 'stage of the wrong type', ...onUpdates, body: (i) => update(i, { stage: 123 }), status: 422, field: 'stage' },
  { name: 'unknown stage', ...onUpdates, body: (i) => update(i, { stage: 'finished' }), status: 422, field: 'stage' },
  { name: 'unknown health', ...onUpdates, body: (i) => update(i, { health: 'great' }), status: 422, field: 'health' },
  { name: 'missing stage', ...onUpdates, body: () => ({ health: 'on_track' }), status: 422, field: 'stage' },
  { name: 'missing health', ...onUpdates, body: () => ({ stage: 'in_progress' }), status: 422, field: 'health' },
  { name: 'huge narrative', ...onUpdates, body: (i) => update(i, { narrative: 'x'.repeat(10_001) }), status: 422, field: 'narrative' },
  { name: 'narrative of the wrong type', ...onUpdates, body: (i) => update(i, { narrative: 42 }), status: 422, field: 'narrative' },
  { name: 'readings not a list', ...onUpdates, body: (i) => update(i, { readings: 'none' }), status: 422, field: 'readings' },
  { name: 'reading with a malformed indicator id', ...onUpdates, body: (i) => update(i, { readings: [reading(i, { indicatorId: 'abc' })] }), status: 422, field: 'readings.0.indicatorId' },
  { name: 'reading value as a string', ...onUpdates, body: (i) => update(i, { readings: [reading(i, { value: '12' })] }), status: 422, field: 'readings.0.value' },
  { name: 'reading value null', ...onUpdates, body: (i) => update(i, { readings: [reading(i, { value: null })] }), status: 422, field: 'readings.0.value' },
  { name: 'reading value Infinity (1e999)', ...onUpdates, raw: '{"stage":"in_progress","health":"on_track","readings":[{"indicatorId":"IND","value":1e999,"asOf":"2026-11-20"}]}', status: 422, field: 'readings.0.value' },
  { name: 'reading value NaN', ...onUpdates, raw: '{"stage":"in_progress","health":"on_track","readings":[{"indicatorId":"IND","value":NaN,"asOf":"2026-11-20"}]}', status: 400 },
  { name: 'reading dated 2026-02-30', ...onUpdates, body: (i) => update(i, { readings: [reading(i, { asOf: '2026-02-30' })] }), status: 422, field: 'readings.0.asOf' },
  { name: 'reading dated month 13', ...onUpdates, body: (i) => update(i, { readings: [reading(i, { asOf: '2026-13-01' })] }), status: 422, field: 'readings.0.asOf' },
  { name: 'reading date without dashes', ...onUpdates, body: (i) => update(i, { readings: [reading(i, { asOf: '20260101' })] }), status: 422, field: 'readings.0.asOf' },
  { name: 'reading dated in the future', ...onUpdates, body: (i) => update(i, { readings: [reading(i, { asOf: '2099-01-01' })] }), status: 422, field: 'readings.0.asOf' },
  { name: 'reading with an extra field', ...onUpdates, body: (i) => update(i, { readings: [reading(i, { note: 'x' })] }), status: 422, field: 'readings.0' },
  { name: 'reading of another commitment’s indicator', ...onUpdates, body: (i) => update(i, { readings: [reading(i, { indicatorId: i.otherIndicator })] }), status: 422, field: 'readings' },
  { name: 'two readings of one indicator', ...onUpdates, body: (i) => update(i, { readings: [reading(i, {}), reading(i, { value: 2 })] }), status: 422, field: 'readings' },
  { name: 'javascript: evidence link', ...onUpdates, body: (i) => update(i, { evidence: ['javascript:alert(1)'] }), status: 422, field: 'evidence.0' },
  { name: 'ftp evidence link', ...onUpdates, body: (i) => update(i, { evidence: ['ftp://files.example.org/a'] }), status: 422, field: 'evidence.0' },
  { name: 'data: evidence link', ...onUpdates, body: (i) => update(i, { evidence: ['data:text/html,<b>x</b>'] }), status: 422, field: 'evidence.0' },
  { name: 'evidence that is not a URL', ...onUpdates, body: (i) => update(i, { evidence: ['see the report'] }), status: 422, field: 'evidence.0' },
  { name: 'evidence as a string, not a list', ...onUpdates, body: (i) => update(i, { evidence: 'https://example.org' }), status: 422, field: 'evidence' },
  { name: 'too many evidence links', ...onUpdates, body: (i) => update(i, { evidence: Array.from({ length: 21 }, (_, n) => `https://example.org/${n}`) }), status: 422, field: 'evidence' },
  { name: 'over-long evidence link', ...onUpdates, body: (i) => update(i, { evidence: [`https://example.org/${'a'.repeat(3000)}`] }), status: 422, field: 'evidence.0' },
  { name: 'over-long next step', ...onUpdates, body: (i) => update(i, { nextStep: 'x'.repeat(2001) }), status: 422, field: 'nextStep' },
  { name: 'author set by the client', ...onUpdates, body: (i) => update(i, { author: 'someone-else' }), status: 422, field: '_' },
  { name: 'timestamp set by the client', ...onUpdates, body: (i) => update(i, { createdAt: '2020-01-01T00:00:00Z' }), status: 422, field: '_' },
  { name: 'id set by the client', ...onUpdates, body: (i) => update(i, { id: '00000000-0000-4000-8000-000000000001' }), status: 422, field: '_' },
  { name: 'malformed JSON', ...onUpdates, raw: '{stage: in_progress', status: 400 },
  { name: 'a JSON array instead of an object', ...onUpdates, raw: '[]', status: 422 },
  { name: 'JSON null', ...onUpdates, raw: 'null', status: 422 },
  { name: 'a JSON string', ...onUpdates, raw: '"in_progress"', status: 422 },
  { name: 'empty body', ...onUpdates, raw: '', status: 400 },
  { name: 'text/plain content type', ...onUpdates, body: (i) => update(i), headers: { 'content-type': 'text/plain' }, status: 415 },
  { name: 'form-encoded content type', ...onUpdates, raw: 'stage=in_progress&health=on_track', headers: { 'content-type': 'application/x-www-form-urlencoded' }, status: 415 },
  { name: 'body over 1 MB', ...onUpdates, body: (i) => update(i, { narrative: 'x'.repeat(1_100_000) }), status: 413 },
  { name: 'posted from another site', ...onUpdates, body: (i) => update(i), headers: { origin: 'https://evil.example' }, status: 403 },
  // Creating commitments
  { name: 'empty title', ...onCreate, body: (i) => commitment(i, { title: '   ' }), status: 422, field: 'title' },
  { name: 'over-long title', ...onCreate, body: (i) => commitment(i, { title: 'x'.repeat(301) }), status: 422, field: 'title' },
  { name: 'missing source passage', ...onCreate, body: (i) => ({ ...commitment(i), sourcePassage: undefined }), status: 422, field: 'sourcePassage' },
  { name: 'due date 2026-02-30', ...onCreate, body: (i) => commitment(i, { dueDate: '2026-02-30' }), status: 422, field: 'dueDate' },
  { name: 'one organisation leading both sides', ...onCreate, body: (i) => commitment(i, { leadOrgBId: i.kz }), status: 422, field: 'leadOrgBId' },
  { name: 'sector that is not a slug', ...onCreate, body: (i) => commitment(i, { sector: 'Energy Sector' }), status: 422, field: 'sector' },
  { name: 'sector that does not exist', ...onCreate, body: (i) => commitment(i, { sector: 'space' }), status: 422, field: 'sector' },
  { name: 'agenda id that is not a UUID', ...onCreate, body: (i) => commitment(i, { agendaId: 'islamabad' }), status: 422, field: 'agendaId' },
  { name: 'id on create', ...onCreate, body: (i) => commitment(i, { id: '00000000-0000-4000-8000-000000000002' }), status: 422, field: '_' },
  { name: 'version on create', ...onCreate, body: (i) => commitment(i, { version: 7 }), status: 422, field: '_' },
  { name: 'stage outside an update', ...onCreate, body: (i) => commitment(i, { stage: 'achieved' }), status: 422, field: '_' },
  { name: 'indicator target worse than its baseline', ...onCreate, body: (i) => commitment(i, { indicators: [{ ...indicator, targetValue: 5 }] }), status: 422, field: 'indicators.0.targetValue' },
  { name: 'indicator baseline as a string', ...onCreate, body: (i) => commitment(i, { indicators: [{ ...indicator, baselineValue: '10' }] }), status: 422, field: 'indicators.0.baselineValue' },
  { name: 'first lead from the wrong country', ...onCreate, body: (i) => commitment(i, { leadOrgAId: i.pk, leadOrgBId: i.kz }), status: 422, field: 'leadOrgAId' },
  // Editing commitments
  { name: 'edit without a version', ...onPatch, body: () => ({ title: 'New title' }), status: 422, field: 'version' },
  { name: 'version of the wrong type', ...onPatch, body: () => ({ version: 'one', title: 'New title' }), status: 422, field: 'version' },
  { name: 'version zero', ...onPatch, body: () => ({ version: 0, title: 'New title' }), status: 422, field: 'version' },
  { name: 'nothing to change', ...onPatch, body: () => ({ version: 1 }), status: 422 },
  { name: 'stage changed by an edit', ...onPatch, body: () => ({ version: 1, stage: 'achieved' }), status: 422, field: '_' },
  { name: 'title set to null', ...onPatch, body: () => ({ version: 1, title: null }), status: 422, field: 'title' },
  // Comments
  { name: 'empty comment', ...onComments, body: () => ({ body: '' }), status: 422, field: 'body' },
  { name: 'comment over 5,000 characters', ...onComments, body: () => ({ body: 'x'.repeat(5001) }), status: 422, field: 'body' },
  { name: 'comment body of the wrong type', ...onComments, body: () => ({ body: 123 }), status: 422, field: 'body' },
  { name: 'comment on a malformed update id', ...onComments, body: () => ({ body: 'Fine', updateId: 'x' }), status: 422, field: 'updateId' },
  { name: 'reply to a comment of another commitment', ...onComments, body: (i) => ({ body: 'Fine', parentId: i.foreignComment }), status: 422, field: 'parentId' },
  { name: 'comment on an update of another commitment', ...onComments, body: (i) => ({ body: 'Fine', updateId: i.foreignUpdate }), status: 422, field: 'updateId' },
  { name: 'comment body with the bytes FF FE (not UTF-8)', ...onComments, bytes: commentBytes(0xff, 0xfe), status: 400 },
  { name: 'comment body with an overlong slash C0 AF', ...onComments, bytes: commentBytes(0xc0, 0xaf), status: 400 },
  { name: 'comment body with a lone surrogate ED A0 80', ...onComments, bytes: commentBytes(0xed, 0xa0, 0x80), status: 400 },
  { name: 'comment as JSON null', ...onComments, raw: 'null', status: 422 },
  { name: 'edit as a JSON list', ...onPatch, raw: '[{"version":1,"title":"New title"}]', status: 422 },
  { name: 'resolve with a non-boolean', ...onResolve, body: () => ({ resolved: 'yes' }), status: 422, field: 'resolved' },
  { name: 'resolve with the body null', ...onResolve, raw: 'null', status: 422 },
  { name: 'resolve with the body false', ...onResolve, raw: 'false', status: 422 },
  { name: 'resolve with a JSON list', ...onResolve, raw: '[]', status: 422 },
  { name: 'resolve a comment that does not exist', route: resolveRoute.POST, method: 'POST', path: () => '/api/v1/comments/00000000-0000-4000-8000-000000000003/resolve', params: () => ({ id: '00000000-0000-4000-8000-000000000003' }), body: () => ({}), status: 404 },
  { name: 'update on a commitment that does not exist', route: updatesRoute.POST, method: 'POST', path: () => '/api/v1/commitments/00000000-0000-4000-8000-000000000004/updates', params: () => ({ id: '00000000-0000-4000-8000-000000000004' }), body: (i) => update(i), status: 404 },
  // List filters
  { name: 'page zero', ...onList('page=0'), status: 422, field: 'page' },
  { name: 'page size over 100', ...onList('pageSize=1000'), status: 422, field: 'pageSize' },
  { name: 'unknown sort', ...onList('sort=random'), status: 422, field: 'sort' },
  { name: 'overdue flag that is not 1 or 0', ...onList('overdue=maybe'), status: 422, field: 'overdue' },
  { name: 'unknown query parameter', ...onList('colour=red'), status: 422, field: '_' },
  { name: 'organisation that is not a UUID', ...onList('organisation=MFA'), status: 422, field: 'organisation' },
  { name: 'as-of date that does not exist', ...onList('asOf=2026-02-30'), status: 422, field: 'asOf' },
  { name: 'as-of date in another format', ...onList('asOf=04/02/2026'), status: 422, field: 'asOf' },
];

describe.each(testEngines())('bad input to API v1 on $name', (engine) => {
  let handle: DatabaseHandle;
  let ids: Ids;
  let admin: string;
  let baseline: Record<string, string>;

  beforeAll(async () => {
    handle = await openSeeded(engine);
    useDatabase(handle);
    admin = await sessionCookieFor(handle, 'admin@agenda.test');
    const energy = await commitmentId(handle, 'ISB-08');
    const [row] = await selectRows<Omit<Ids, 'corridors' | 'energy' | 'indicator' | 'otherIndicator'>>(
      handle.db,
      sql`select (select id from agendas limit 1) as agenda,
                 (select id from organisations where country = 'KZ' order by name limit 1) as kz,
                 (select id from organisations where country = 'PK' order by name limit 1) as pk,
                 (select id from status_updates where commitment_id = ${energy} limit 1) as "foreignUpdate",
                 (select id from comments where commitment_id = ${energy} limit 1) as "foreignComment"`,
    );
    ids = {
      ...row!, corridors: await commitmentId(handle, 'ISB-06'), energy,
      indicator: (await indicatorIds(handle, 'ISB-06'))[0]!, otherIndicator: (await indicatorIds(handle, 'ISB-08'))[0]!,
    };
    baseline = await fingerprint(handle.db);
  });
  afterAll(() => handle.close());

  it(`has at least 50 cases (${CASES.length})`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(50);
  });

  it.each(CASES)('$name: $status with a clear message, nothing changed', async (c) => {
    const headers: Record<string, string> = { cookie: admin, ...(c.method === 'GET' ? {} : { 'content-type': 'application/json' }), ...c.headers };
    const body = c.bytes ? new Uint8Array(c.bytes) : c.raw !== undefined ? c.raw.replace('IND', ids.indicator) : c.body ? JSON.stringify(c.body(ids)) : undefined;
    const response = await c.route(new Request(`${APP_ORIGIN}${c.path(ids)}`, { method: c.method, headers, body }), { params: Promise.resolve(c.params(ids)) });
    const json = await response.json();
    expect(response.status).toBe(c.status);
    expect(json.error.message).toEqual(expect.any(String));
    expect(json.error.message.length).toBeGreaterThan(10);
    if (c.field) expect(Object.keys(json.error.fields ?? {})).toContain(c.field);
    expect(await fingerprint(handle.db)).toEqual(baseline);
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as commitmentRoute from '../../app/api/v1/commitments/[id]/route';
import * as listRoute from '../../app/api/v1/commitments/route';
import * as commitmentsCsvRoute from '../../app/api/v1/commitments.csv/route';
import * as tokenRoute from '../../app/api/v1/tokens/[id]/route';
import * as tokensRoute from '../../app/api/v1/tokens/route';
import type { DatabaseHandle } from '../../db/connect';
import { selectRows } from '../../db/rows';
import { TOKEN_REQUESTS_PER_MINUTE } from '../../lib/server/bearer';
import { call, commitmentId, noteExchange, recordExchanges, type RouteHandler } from '../support/api';
import { jsonRequest, sessionCookieFor, useDatabase } from '../support/app';
import { fingerprint } from '../support/fingerprint';
import { documentChecker, type Exchange } from '../support/openapi';
import { openSeeded, testEngines } from '../support/seeded';

/** A route handler's full answer, headers included, with a bearer token instead of a cookie. */
async function withToken(handler: RouteHandler, method: string, path: string, token: string, options: { body?: unknown; params?: Record<string, string>; headers?: Record<string, string> } = {}) {
  const request = jsonRequest(method, path, { body: options.body, headers: { authorization: `Bearer ${token}`, ...options.headers } });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.startsWith('application/json');
  noteExchange({ method, path, status: response.status, contentType: response.headers.get('content-type'), body: isJson ? JSON.parse(text) : undefined });
  return { status: response.status, headers: response.headers, json: isJson ? JSON.parse(text) : undefined, text };
}

describe.each(testEngines())('API tokens on $name', (engine) => {
  let handle: DatabaseHandle;
  const cookies: Record<string, string> = {};
  let corridors: string; // ISB-06, led by the staff user's ministry
  let exchanges: Exchange[]; // every answer below, checked against the OpenAPI document at the end

  const make = async (who: string, body: Record<string, unknown>) => {
    const made = await call(tokensRoute.POST, 'POST', '/api/v1/tokens', { cookie: cookies[who], body });
    expect(made.status, JSON.stringify(made.json)).toBe(201);
    return made.json as { id: string; token: string; scope: string; expiresAt: string };
  };
  const count = async (query: ReturnType<typeof sql>) => (await selectRows<{ n: number }>(handle.db, query))[0]!.n;

  beforeAll(async () => {
    exchanges = recordExchanges();
    handle = await openSeeded(engine);
    useDatabase(handle);
    for (const role of ['staff', 'official', 'admin']) cookies[role] = await sessionCookieFor(handle, `${role}@agenda.test`);
    corridors = await commitmentId(handle, 'ISB-06');
  });
  afterAll(() => handle.close());

  it('shows a new token once, stores only its hash, and lists it without the secret', async () => {
    const made = await make('staff', { name: 'Reporting system', scope: 'read' });
    expect(made.token).toMatch(/^agt_[A-Za-z0-9_-]{43}$/);
    expect(made.scope).toBe('read');
    const days = (Date.parse(made.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThan(90.1);
    const [stored] = await selectRows<{ token_hash: string }>(handle.db, sql`select token_hash from api_tokens where id = ${made.id}`);
    expect(stored!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await selectRows(handle.db, sql`select * from api_tokens`))).not.toContain(made.token);
    const listed = await call(tokensRoute.GET, 'GET', '/api/v1/tokens', { cookie: cookies.staff });
    expect(listed.status).toBe(200);
    const mine = listed.json.items.find((t: { id: string }) => t.id === made.id);
    expect(mine).toMatchObject({ name: 'Reporting system', scope: 'read', prefix: made.token.slice(0, 10), lastUsedAt: null, revokedAt: null });
    expect(JSON.stringify(listed.json)).not.toContain(made.token);
    expect(await count(sql`select count(*)::int as n from audit_events where action = 'api_token.created' and entity_id = ${made.id}`)).toBe(1);
  });

  it('refuses an expiry past a year, a bad scope and a missing name, changing nothing', async () => {
    const before = await fingerprint(handle.db);
    const bad = await call(tokensRoute.POST, 'POST', '/api/v1/tokens', { cookie: cookies.staff, body: { name: '', scope: 'admin', expiresInDays: 366 } });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.json.error.fields).sort()).toEqual(['expiresInDays', 'name', 'scope']);
    expect(await fingerprint(handle.db)).toEqual(before);
  });

  it('reads with a read token, as its owner, with no cookie set and no Origin needed; a write is 403', async () => {
    const { token } = await make('staff', { name: 'Reader', scope: 'read', expiresInDays: 7 });
    const read = await withToken(commitmentRoute.GET, 'GET', `/api/v1/commitments/${corridors}`, token, { params: { id: corridors } });
    expect(read.status).toBe(200);
    expect(read.json.can).toEqual({ edit: true, update: true, comment: true }); // the owner's permissions
    expect(read.headers.get('set-cookie')).toBeNull();
    const csv = await withToken(commitmentsCsvRoute.GET, 'GET', '/api/v1/commitments.csv', token);
    expect(csv.status).toBe(200);
    const before = await fingerprint(handle.db);
    const write = await withToken(commitmentRoute.PATCH, 'PATCH', `/api/v1/commitments/${corridors}`, token, {
      params: { id: corridors }, body: { version: read.json.version, description: 'By a read token' },
    });
    expect(write.status).toBe(403);
    expect(write.json.error.message).toMatch(/only read/);
    expect(await fingerprint(handle.db)).toEqual(before);
  });

  it('writes with a read-write token from anywhere (no Origin check), within the owner’s permissions', async () => {
    const { token } = await make('staff', { name: 'Writer', scope: 'read-write', expiresInDays: 30 });
    const { json: current } = await withToken(commitmentRoute.GET, 'GET', `/api/v1/commitments/${corridors}`, token, { params: { id: corridors } });
    const edit = await withToken(commitmentRoute.PATCH, 'PATCH', `/api/v1/commitments/${corridors}`, token, {
      params: { id: corridors }, body: { version: current.version, description: 'Edited with a token' }, headers: { origin: 'https://elsewhere.example' },
    });
    expect(edit.status).toBe(200);
    expect(edit.json.description).toBe('Edited with a token');
    expect(edit.headers.get('set-cookie')).toBeNull();
    // The same Origin with a cookie is refused: the check is for cookies only.
    const withCookie = await call(commitmentRoute.PATCH, 'PATCH', `/api/v1/commitments/${corridors}`, {
      cookie: cookies.staff, params: { id: corridors }, body: { version: edit.json.version, description: 'x' }, headers: { origin: 'https://elsewhere.example' },
    });
    expect(withCookie.status).toBe(403);
    // The owner's permissions still apply: staff may not edit another ministry's commitment.
    const energy = await commitmentId(handle, 'ISB-08');
    const other = await withToken(commitmentRoute.GET, 'GET', `/api/v1/commitments/${energy}`, token, { params: { id: energy } });
    const refused = await withToken(commitmentRoute.PATCH, 'PATCH', `/api/v1/commitments/${energy}`, token, {
      params: { id: energy }, body: { version: other.json.version, description: 'Not mine' },
    });
    expect(refused.status).toBe(403);
  });

  it('answers 401 with a clear message to an unknown, expired or revoked token and to a disabled owner', async () => {
    const path = '/api/v1/commitments';
    const unknown = await withToken(listRoute.GET, 'GET', path, `agt_${'A'.repeat(43)}`);
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await withToken(listRoute.GET, 'GET', path, 'not-a-token')).status).toBe(401);

    const expiring = await make('official', { name: 'Short lived', scope: 'read', expiresInDays: 1 });
    expect((await withToken(listRoute.GET, 'GET', path, expiring.token)).status).toBe(200);
    await handle.db.execute(sql`update api_tokens set created_at = now() - interval '2 days', expires_at = now() - interval '1 second' where id = ${expiring.id}`);
    const expired = await withToken(listRoute.GET, 'GET', path, expiring.token);
    expect(expired.status).toBe(401);
    expect(expired.json.error.message).toMatch(/expired/);

    const revoking = await make('official', { name: 'To revoke', scope: 'read' });
    const revoked = await call(tokenRoute.DELETE, 'DELETE', `/api/v1/tokens/${revoking.id}`, { cookie: cookies.official, params: { id: revoking.id } });
    expect(revoked.status).toBe(200);
    expect(revoked.json).toMatchObject({ id: revoking.id, revoked: true });
    const afterRevoke = await withToken(listRoute.GET, 'GET', path, revoking.token);
    expect(afterRevoke.status).toBe(401);
    expect(afterRevoke.json.error.message).toMatch(/revoked/);
    expect(await count(sql`select count(*)::int as n from audit_events where action = 'api_token.revoked' and entity_id = ${revoking.id}`)).toBe(1);

    const reviewerCookie = await sessionCookieFor(handle, 'reviewer@agenda.test');
    const made = await call(tokensRoute.POST, 'POST', '/api/v1/tokens', { cookie: reviewerCookie, body: { name: 'Disabled soon', scope: 'read' } });
    expect((await withToken(listRoute.GET, 'GET', path, made.json.token)).status).toBe(200);
    await handle.db.execute(sql`update users set disabled_at = now() where email = 'reviewer@agenda.test'`);
    const disabled = await withToken(listRoute.GET, 'GET', path, made.json.token);
    expect(disabled.status).toBe(401);
    expect(disabled.json.error.message).toMatch(/disabled/);
    await handle.db.execute(sql`update users set disabled_at = null where email = 'reviewer@agenda.test'`);
  });

  it('lets only the owner or an administrator revoke a token; a token cannot manage tokens', async () => {
    const made = await make('staff', { name: 'Someone else’s', scope: 'read-write' });
    const tokensBefore = await count(sql`select count(*)::int as n from api_tokens where revoked_at is null`);
    expect((await call(tokenRoute.DELETE, 'DELETE', `/api/v1/tokens/${made.id}`, { cookie: cookies.official, params: { id: made.id } })).status).toBe(403);
    expect((await call(tokenRoute.DELETE, 'DELETE', '/api/v1/tokens/00000000-0000-4000-8000-000000000000', {
      cookie: cookies.staff, params: { id: '00000000-0000-4000-8000-000000000000' },
    })).status).toBe(404);
    expect((await withToken(tokenRoute.DELETE, 'DELETE', `/api/v1/tokens/${made.id}`, made.token, { params: { id: made.id } })).status).toBe(403);
    expect((await withToken(tokensRoute.POST, 'POST', '/api/v1/tokens', made.token, { body: { name: 'Child', scope: 'read' } })).status).toBe(403);
    expect((await withToken(tokensRoute.GET, 'GET', '/api/v1/tokens', made.token)).status).toBe(403);
    expect((await call(tokensRoute.GET, 'GET', '/api/v1/tokens')).status).toBe(401);
    expect(await count(sql`select count(*)::int as n from api_tokens where revoked_at is null`)).toBe(tokensBefore);
    const byAdmin = await call(tokenRoute.DELETE, 'DELETE', `/api/v1/tokens/${made.id}`, { cookie: cookies.admin, params: { id: made.id } });
    expect(byAdmin.status).toBe(200);
    expect((await withToken(listRoute.GET, 'GET', '/api/v1/commitments', made.token)).status).toBe(401);
  });

  it('audits the first use of a token each day, once, and keeps its last use', async () => {
    const made = await make('official', { name: 'Daily', scope: 'read' });
    for (let i = 0; i < 3; i++) expect((await withToken(listRoute.GET, 'GET', '/api/v1/commitments', made.token)).status).toBe(200);
    expect(await count(sql`select count(*)::int as n from audit_events where action = 'api_token.used' and entity_id = ${made.id}`)).toBe(1);
    const [row] = await selectRows<{ used: boolean }>(handle.db, sql`select last_used_at is not null as used from api_tokens where id = ${made.id}`);
    expect(row!.used).toBe(true);
    await handle.db.execute(sql`update api_tokens set last_used_on = last_used_on - 1 where id = ${made.id}`);
    await withToken(listRoute.GET, 'GET', '/api/v1/commitments', made.token);
    expect(await count(sql`select count(*)::int as n from audit_events where action = 'api_token.used' and entity_id = ${made.id}`)).toBe(2);
  });

  it(`allows ${TOKEN_REQUESTS_PER_MINUTE} requests a minute per token; the next is 429 with Retry-After`, async () => {
    const made = await make('official', { name: 'Busy', scope: 'read' });
    const other = await make('official', { name: 'Quiet', scope: 'read' });
    // The first request is real; the counter then stands where 599 more requests in this minute would leave it.
    const path = `/api/v1/commitments/${corridors}`;
    expect((await withToken(commitmentRoute.GET, 'GET', path, made.token, { params: { id: corridors } })).status).toBe(200);
    await handle.db.execute(sql`update api_token_requests set requests = ${TOKEN_REQUESTS_PER_MINUTE - 1} where token_id = ${made.id}`);
    const last = await withToken(commitmentRoute.GET, 'GET', path, made.token, { params: { id: corridors } });
    expect(last.status).toBe(200);
    const over = await withToken(commitmentRoute.GET, 'GET', path, made.token, { params: { id: corridors } });
    expect(over.status).toBe(429);
    const retry = Number(over.headers.get('retry-after'));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    expect(over.json.error.code).toBe('too_many_requests');
    // Another token of the same owner has its own allowance.
    expect((await withToken(commitmentRoute.GET, 'GET', path, other.token, { params: { id: corridors } })).status).toBe(200);
  });

  it('counts every request: many at once reach exactly the limit', async () => {
    const made = await make('official', { name: 'Parallel', scope: 'read' });
    await withToken(listRoute.GET, 'GET', '/api/v1/commitments?pageSize=1', made.token);
    await handle.db.execute(sql`update api_token_requests set requests = ${TOKEN_REQUESTS_PER_MINUTE - 10} where token_id = ${made.id}`);
    const answers = await Promise.all(Array.from({ length: 15 }, () => withToken(listRoute.GET, 'GET', '/api/v1/commitments?pageSize=1', made.token)));
    const statuses = answers.map((a) => a.status).sort();
    // Unless the minute turned during the burst, exactly 10 more fit.
    const [window] = await selectRows<{ windows: number }>(handle.db, sql`select count(*)::int as windows from api_token_requests where token_id = ${made.id}`);
    if (window!.windows === 1) expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
  });

  it('answered every request above (401, 403, 422 and 429 included) as the OpenAPI document describes', () => {
    const statuses = new Set(exchanges.map((e) => e.status));
    for (const status of [200, 201, 401, 403, 404, 422, 429]) expect(statuses).toContain(status);
    expect(exchanges.flatMap(documentChecker())).toEqual([]);
  });
});

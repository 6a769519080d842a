import crypto from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hiddenFields, postForm, rawRequest, request, signIn, signOut } from './support/http';
import { BUILD_TIMEOUT_MS, ensureServiceBuild, freshDataDir, type Service, startService } from './support/service';

// The production server as `npm start` runs it, driven over raw sockets where a client library
// would correct the request before sending it.
let service: Service;
let dataDir: string;
const forgedAddress = '203.0.113.77';
const secrets: string[] = [];
let staffSession = '';
let commitmentId = '';

beforeAll(async () => {
  await ensureServiceBuild();
  dataDir = await freshDataDir();
  service = await startService({ env: { DATA_DIR: dataDir } });
  const staff = await signIn(service.port, 'staff@agenda.test', 'demo-password-2026', { 'x-forwarded-for': forgedAddress });
  expect(staff.session).toBeTruthy();
  staffSession = staff.session!;
  secrets.push(...staff.secrets);
  const list = await request(service.port, 'GET', '/api/v1/commitments?pageSize=1', { headers: { cookie: staffSession } });
  commitmentId = (JSON.parse(list.body) as { items: { id: string }[] }).items[0]!.id;
}, BUILD_TIMEOUT_MS);

afterAll(async () => {
  await service?.stop();
});

const head = (method: string, target: string, extra = '') => `${method} ${target} HTTP/1.1\r\nHost: localhost\r\n${extra}\r\n`;

describe('methods the app does not serve', () => {
  it.each(['TRACE /', 'TRACE /api/v1/commitments', 'PROPFIND /commitments', 'FOO /'])('answers %s with 501, never 500', async (line) => {
    const [method, target] = line.split(' ') as [string, string];
    const answer = await rawRequest(service.port, head(method, target, 'Connection: close\r\n'));
    expect(answer.status).toBe(501);
    if (method !== 'FOO') expect(answer.headers.allow).toBe('GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS');
  });
});

describe('a badly percent-encoded path', () => {
  const paths = ['/api/v1/commitments/%ZZ', '/commitments/%ZZ', '/sectors/%ZZ', '/api/auth/%ZZ', '/commitments/%C0%AF'];
  it.each(paths.flatMap((p) => ['GET', 'POST', 'PATCH'].map((m) => [m, p] as const)))('%s %s answers 400 and is logged', async (method, target) => {
    const answer = await rawRequest(service.port, head(method, target, `Cookie: ${staffSession}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n`) + '{}');
    expect(answer.status).toBe(400);
    const id = answer.headers['x-request-id'];
    expect(await service.lineFor(id)).toMatchObject({ method, status: 400, msg: 'request' });
  });
});

describe('request bodies', () => {
  it('answers 413 at once when the declared length is over the limit, without waiting for the body', async () => {
    const answer = await rawRequest(service.port, head('POST', '/api/v1/commitments', 'Content-Type: application/json\r\nContent-Length: 2000000\r\n') + '{}');
    expect(answer.status).toBe(413);
    expect(answer.closed).toBe(true);
    expect(answer.ms).toBeLessThan(3000);
  });

  it('answers 408 within seconds when a body stops arriving', async () => {
    const answer = await rawRequest(service.port, head('POST', `/api/v1/commitments/${commitmentId}/comments`, `Cookie: ${staffSession}\r\nContent-Type: application/json\r\nContent-Length: 40\r\n`) + '{"bo');
    expect(answer.status).toBe(408);
    expect(answer.ms).toBeGreaterThan(4000);
    expect(answer.ms).toBeLessThan(12_000);
  });

  it('waits for a body that arrives slowly but keeps arriving', async () => {
    const marker = `slow-${crypto.randomUUID()}`;
    const body = JSON.stringify({ body: `A comment sent in two parts ${marker}` });
    const answer = await rawRequest(
      service.port,
      head('POST', `/api/v1/commitments/${commitmentId}/comments`, `Cookie: ${staffSession}\r\nOrigin: ${service.origin}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n`) + body.slice(0, 10),
      { later: { afterMs: 3500, bytes: body.slice(10) } },
    );
    expect(answer.status).toBe(201);
    expect(answer.ms).toBeGreaterThan(3000);
  });

  it('refuses a body labelled with a content encoding (415) instead of reading it as plain', async () => {
    const answer = await request(service.port, 'POST', `/api/v1/commitments/${commitmentId}/comments`, {
      headers: { cookie: staffSession, 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: JSON.stringify({ body: 'labelled gzip, sent plain' }),
    });
    expect(answer.status).toBe(415);
    expect(answer.headers['accept-encoding']).toBe('identity');
  });
});

describe('where sign-in sends a signed-in user back to', () => {
  // Each callback decoded is a path the URL parser reads as another site or cannot put in a header.
  const hostile = ['/%09/evil.example', '/%09%09/evil.example', '/%0A/evil.example', '/%0D/evil.example', '/%5C/evil.example', '//%E3%80%82evil.example'];

  it.each(hostile)('GET /sign-in?callbackUrl=%s answers 307 to a path of this site', async (callback) => {
    const answer = await request(service.port, 'GET', `/sign-in?callbackUrl=${callback}`, { headers: { cookie: staffSession } });
    expect(answer.status).toBe(307);
    const target = new URL(answer.headers.location!, service.origin);
    expect(target.origin).toBe(service.origin);
    expect(target.pathname).toBe('/');
  });

  it('cannot be made to write a header of its own with a line break', async () => {
    const answer = await request(service.port, 'GET', '/sign-in?callbackUrl=/%0D%0ASet-Cookie:%20x=1', { headers: { cookie: staffSession } });
    expect(answer.status).toBe(307);
    expect(new URL(answer.headers.location!, service.origin).origin).toBe(service.origin);
    expect(answer.headers['set-cookie'] ?? []).not.toContainEqual(expect.stringMatching(/^x=1/));
  });

  it('keeps a path of this site, with its query', async () => {
    const answer = await request(service.port, 'GET', `/sign-in?callbackUrl=${encodeURIComponent('/commitments?stage=stalled')}`, { headers: { cookie: staffSession } });
    expect(answer.status).toBe(307);
    expect(answer.headers.location).toBe('/commitments?stage=stalled');
  });

  it('draws the form for a visitor with the callback made safe', async () => {
    const answer = await request(service.port, 'GET', '/sign-in?callbackUrl=/%0A/evil.example');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatch(/name="callbackUrl" value="\/"/);
  });

  it.each(['/\t/evil.example', '/\n/evil.example', '/\r/evil.example', '//\u3002evil.example'])('answers the form posted without JavaScript with callback %j by a redirect home', async (callback) => {
    const page = await request(service.port, 'GET', '/sign-in');
    const fields = hiddenFields(page.body, 'name="password"');
    expect(Object.keys(fields).some((name) => name.startsWith('$ACTION'))).toBe(true);
    const answer = await postForm(service.port, '/sign-in', { ...fields, callbackUrl: callback, email: 'reviewer@agenda.test', password: 'demo-password-2026' });
    expect(answer.status).toBe(303);
    const target = new URL(answer.headers.location!, service.origin);
    expect(target.origin).toBe(service.origin);
    expect(target.pathname).toBe('/');
    expect(answer.headers['set-cookie']).toContainEqual(expect.stringMatching(/session-token=./));
  });
});

describe('a session cookie that is no longer good', () => {
  it.each(['/commitments', '/commitments?stage=stalled', '/', `/sectors/energy`])('sends %s to sign-in (307) before anything streams, for a garbage cookie or an ended session', async (path) => {
    const ended = (await signIn(service.port, 'official@agenda.test', 'demo-password-2026')).session!;
    await signOut(service.port, ended);
    for (const cookie of ['authjs.session-token=garbage', ended]) {
      const answer = await request(service.port, 'GET', path, { headers: { cookie } });
      expect(answer.status).toBe(307);
      const target = new URL(answer.headers.location!, service.origin);
      expect(target.pathname).toBe('/sign-in');
      if (path !== '/') expect(target.searchParams.get('callbackUrl')).toBe(path);
    }
  });

  it('gives next-auth’s session endpoint no session for an ended session, and clears its cookie', async () => {
    const session = (await signIn(service.port, 'official@agenda.test', 'demo-password-2026')).session!;
    const live = await request(service.port, 'GET', '/api/auth/session', { headers: { cookie: session } });
    expect(JSON.parse(live.body)).toMatchObject({ user: { email: 'official@agenda.test' } });
    await signOut(service.port, session);
    const ended = await request(service.port, 'GET', '/api/auth/session', { headers: { cookie: session } });
    expect(JSON.parse(ended.body)).toBeNull();
    expect(ended.headers['set-cookie']).toContainEqual(expect.stringMatching(/session-token=;/));
  });
});

describe('API writes with a body that is not what it must be', () => {
  const post = (path: string, body: Buffer) =>
    rawRequest(
      service.port,
      Buffer.concat([
        Buffer.from(head('POST', path, `Cookie: ${staffSession}\r\nOrigin: ${service.origin}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n`)),
        body,
      ]),
    );
  const comments = async () => (await request(service.port, 'GET', `/api/v1/commitments/${commitmentId}`, { headers: { cookie: staffSession } })).body;

  it.each([
    ['FF FE', [0xff, 0xfe]],
    ['an overlong slash C0 AF', [0xc0, 0xaf]],
  ])('refuses a comment with the bytes %s (not UTF-8) with 400, and stores nothing', async (_, bytes) => {
    const marker = `bad-bytes-${crypto.randomUUID()}`;
    const answer = await post(`/api/v1/commitments/${commitmentId}/comments`, Buffer.concat([Buffer.from(`{"body":"${marker} `), Buffer.from(bytes), Buffer.from('"}')]));
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).error.message).toMatch(/not valid UTF-8/);
    expect(await comments()).not.toContain(marker);
  });

  it('refuses to resolve a thread with the body null (422), and leaves it open', async () => {
    const created = await post(`/api/v1/commitments/${commitmentId}/comments`, Buffer.from(JSON.stringify({ body: 'A thread to keep open' })));
    expect(created.status).toBe(201);
    const { id } = JSON.parse(created.body) as { id: string };
    for (const body of ['null', '[]', '"yes"', '1']) {
      const answer = await post(`/api/v1/comments/${id}/resolve`, Buffer.from(body));
      expect(answer.status).toBe(422);
      expect(JSON.parse(answer.body).error.message).toMatch(/must be a JSON object/);
    }
    const detail = JSON.parse(await comments()) as { comments: { id: string; resolvedAt: string | null }[] };
    expect(detail.comments.find((c) => c.id === id)?.resolvedAt).toBeNull();
  });
});

describe('a form posted to a page with bytes that are not UTF-8', () => {
  const postComment = async (body: Buffer) => {
    const page = await request(service.port, 'GET', `/commitments/${commitmentId}`, { headers: { cookie: staffSession } });
    const fields = hiddenFields(page.body, 'name="body"');
    return postForm(service.port, `/commitments/${commitmentId}`, { ...fields, body }, { cookie: staffSession });
  };
  const stored = async () => (await request(service.port, 'GET', `/api/v1/commitments/${commitmentId}`, { headers: { cookie: staffSession } })).body;

  it('stores a comment posted without JavaScript in good UTF-8, as it was typed', async () => {
    const marker = `form-comment-${crypto.randomUUID()}`;
    const answer = await postComment(Buffer.from(`${marker} — naïve café`));
    expect(answer.status).toBe(200);
    expect(await stored()).toContain(`${marker} — naïve café`);
  });

  it.each([
    ['FF FE', [0xff, 0xfe]],
    ['an overlong slash C0 AF', [0xc0, 0xaf]],
  ])('refuses a comment with the bytes %s with 400, and stores nothing', async (_, bytes) => {
    const marker = `bad-form-${crypto.randomUUID()}`;
    const answer = await postComment(Buffer.concat([Buffer.from(`${marker} `), Buffer.from(bytes)]));
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).error.message).toMatch(/not valid UTF-8/);
    expect(await stored()).not.toContain(marker);
  });

  it('refuses a URL-encoded form whose percent-escapes are not UTF-8', async () => {
    const answer = await request(service.port, 'POST', '/sign-in', {
      headers: { origin: service.origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=%FF%FE%40agenda.test&password=x',
    });
    expect(answer.status).toBe(400);
  });
});

describe('a method an API endpoint does not serve', () => {
  it.each([
    ['DELETE', '/api/v1/commitments', 'GET, HEAD, OPTIONS, POST'],
    ['PUT', '/api/v1/commitments/ID', 'GET, HEAD, OPTIONS, PATCH'],
    ['GET', '/api/v1/comments/ID/resolve', 'OPTIONS, POST'],
    ['POST', '/api/health', 'GET, HEAD, OPTIONS'],
    ['DELETE', '/api/auth/session', 'GET, HEAD, OPTIONS, POST'],
    ['POST', '/admin/backup/download', 'GET, HEAD, OPTIONS'],
  ])('answers %s %s with 405 and Allow: %s', async (method, path, allow) => {
    const answer = await request(service.port, method, path.replace('ID', commitmentId), { headers: { cookie: staffSession, origin: service.origin } });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe(allow);
    expect(JSON.parse(answer.body).error.code).toBe('method_not_allowed');
  });
});

describe('requests from other sites', () => {
  it.each(['https://evil.example', 'null'])('answers a server action posted with Origin %s with 403', async (origin) => {
    const answer = await request(service.port, 'POST', '/sign-in', {
      headers: { origin, 'next-action': '00'.repeat(20), 'content-type': 'text/plain;charset=UTF-8' },
      body: '[]',
    });
    expect(answer.status).toBe(403);
  });

  it('is not fooled by X-Forwarded-Host into taking another origin for its own', async () => {
    const post = (headers: Record<string, string>) =>
      request(service.port, 'POST', `/api/v1/commitments/${commitmentId}/comments`, {
        headers: { cookie: staffSession, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ body: 'From another site?' }),
      });
    const forged = await post({ origin: 'https://evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' });
    expect(forged.status).toBe(403);
    expect((await post({ origin: service.origin })).status).toBe(201);
  });
});

describe('the request log', () => {
  it('writes one JSON line per request with its id, route pattern, status, duration and user', async () => {
    const page = await request(service.port, 'GET', `/commitments/${commitmentId}`, { headers: { cookie: staffSession, 'x-request-id': 'chosen-by-the-client' } });
    expect(page.status).toBe(200);
    const id = page.headers['x-request-id'] as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const line = await service.lineFor(id);
    expect(line).toMatchObject({ level: 'info', method: 'GET', route: '/commitments/[id]', status: 200, msg: 'request' });
    expect(line!.userId).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof line!.ms).toBe('number');
    expect(new Date(line!.time as string).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const anonymous = await request(service.port, 'GET', '/sign-in');
    expect(await service.lineFor(anonymous.headers['x-request-id'])).toMatchObject({ route: '/sign-in', userId: null });
  });

  it('holds no password, cookie, token, Authorization value or body after a sign-in, a failed sign-in and a write', async () => {
    const wrong = 'Wrong-Password-For-The-Log-Test-81';
    const failed = await signIn(service.port, 'reviewer@agenda.test', wrong);
    expect(failed.session).toBeUndefined();
    const marker = `body-marker-${crypto.randomUUID()}`;
    const bearer = `bearer-token-${crypto.randomUUID()}`;
    const write = await request(service.port, 'POST', `/api/v1/commitments/${commitmentId}/comments`, {
      headers: { cookie: staffSession, 'content-type': 'application/json', origin: service.origin },
      body: JSON.stringify({ body: `Written for the log test ${marker}` }),
    });
    expect(write.status).toBe(201);
    // A token, when given, is the credential (an unknown one is refused): its value is not logged either.
    const withToken = await request(service.port, 'GET', '/api/v1/commitments', { headers: { authorization: `Bearer ${bearer}` } });
    expect(withToken.status).toBe(401);
    expect(await service.lineFor(write.headers['x-request-id'])).toMatchObject({ status: 201, route: '/api/v1/commitments/[id]/comments' });
    const log = service.output();
    for (const secret of ['demo-password-2026', wrong, marker, bearer, staffSession, ...secrets, ...failed.secrets]) {
      expect(log).not.toContain(secret);
    }
    expect(log.toLowerCase()).not.toMatch(/"(cookie|authorization|password|body)":/);
  });
});

describe('after a clean stop', () => {
  it('exits 0 and leaves a database that opens, where sign-ins carry the connection’s address, not a forged one', async () => {
    expect(await service.stop('SIGTERM')).toBe(0);
    const db = await PGlite.create(path.join(dataDir, 'pgdata'));
    try {
      const { rows } = await db.query<{ source_address: string }>('select distinct source_address from sign_in_attempts');
      expect(rows.map((r) => r.source_address)).toEqual(['127.0.0.1']);
      const audit = await db.query<{ n: number }>('select count(*)::int as n from audit_events where source_address = $1', [forgedAddress]);
      expect(audit.rows[0]!.n).toBe(0);
    } finally {
      await db.close();
    }
  });
});

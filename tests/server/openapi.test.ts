import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import * as docsRoute from '../../app/api/docs/route';
import * as scriptRoute from '../../app/api/docs/scalar.js/route';
import * as documentRoute from '../../app/api/v1/openapi.json/route';
import { openApiDocument } from '../../lib/server/openapi/document';
import { proxy } from '../../proxy';
import { documentChecker, templateOf } from '../support/openapi';

const API_DIR = path.join(process.cwd(), 'app', 'api', 'v1');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Every route.ts under app/api/v1, with its URL template in the document's form (`[id]` → `{id}`). */
function routeFiles(dir = API_DIR): { file: string; template: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    if (name !== 'route.ts') return [];
    const relative = path.relative(API_DIR, dir).split(path.sep).filter(Boolean);
    return [{ file: full, template: `/${relative.map((part) => part.replace(/^\[([^.\]]+)\]$/, '{$1}')).join('/')}` }];
  });
}

/** The methods a route serves: those its OPTIONS answer allows (routeMethods), or else those it exports. */
async function servedMethods(file: string): Promise<string[]> {
  const route = (await import(file)) as Record<string, unknown>;
  if (typeof route.OPTIONS === 'function') {
    const answer = (await (route.OPTIONS as (r: Request) => Promise<Response>)(new Request('http://localhost/'))) as Response;
    return (answer.headers.get('allow') ?? '').split(', ').filter((m) => METHODS.includes(m));
  }
  return METHODS.filter((method) => typeof route[method] === 'function');
}

describe('the OpenAPI document', () => {
  const doc = openApiDocument();

  it('is OpenAPI 3.1 with bearer and cookie security schemes', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components?.securitySchemes).toMatchObject({
      bearerToken: { type: 'http', scheme: 'bearer' },
      sessionCookie: { type: 'apiKey', in: 'cookie', name: 'authjs.session-token' },
    });
  });

  it('documents every method of every route handler under app/api/v1, and nothing else', async () => {
    const routes = routeFiles().filter((r) => !r.template.includes('[...'));
    expect(routes.length).toBeGreaterThanOrEqual(22);
    const served: string[] = [];
    for (const route of routes) for (const method of await servedMethods(route.file)) served.push(`${method} ${route.template}`);
    const documented = Object.entries(doc.paths ?? {}).flatMap(([template, item]) =>
      Object.keys(item as object).filter((k) => METHODS.includes(k.toUpperCase())).map((k) => `${k.toUpperCase()} ${template}`),
    );
    expect(documented.sort()).toEqual(served.sort());
  });

  it('describes each operation’s parameters, body and error answers', () => {
    const list = doc.paths!['/commitments']!.get!;
    const names = (list.parameters as { name: string; in: string }[]).map((p) => `${p.in}:${p.name}`);
    expect(names).toEqual(expect.arrayContaining(['query:stage', 'query:sector', 'query:asOf', 'query:pageSize']));
    const edit = doc.paths!['/commitments/{id}']!.patch!;
    expect((edit.parameters as { name: string; in: string }[]).map((p) => `${p.in}:${p.name}`)).toEqual(['path:id']);
    expect(Object.keys(edit.responses!)).toEqual(expect.arrayContaining(['200', '401', '403', '404', '409', '415', '422', '429']));
    const body = (edit.requestBody as { content: Record<string, { schema: { properties: Record<string, unknown> } }> }).content['application/json']!.schema;
    expect(Object.keys(body.properties)).toEqual(expect.arrayContaining(['version', 'title', 'dueDate']));
    const tokens = doc.paths!['/tokens']!.post!;
    expect(tokens.security).toEqual([{ sessionCookie: [] }]);
    expect(doc.paths!['/commitments']!.post!.responses!['429']).toMatchObject({ headers: expect.anything() });
  });

  it('describes the import upload as a form with a file, and the optional parameters and bodies as optional', () => {
    const params = (template: string, method: 'get' | 'post') =>
      (doc.paths![template]![method]!.parameters as { name: string; in: string; required?: boolean }[]).map((p) => `${p.in}:${p.name}${p.required ? '!' : ''}`);
    const upload = doc.paths!['/imports']!.post!;
    const form = (upload.requestBody as { content: Record<string, { schema: { properties: Record<string, { format?: string }>; required: string[] } }> }).content;
    expect(Object.keys(form)).toEqual(['multipart/form-data']);
    expect(form['multipart/form-data']!.schema).toMatchObject({ properties: { file: { format: 'binary' } }, required: ['file'] });
    expect(upload.responses!['413']).toMatchObject({ description: expect.stringContaining('10 MB') });
    expect(upload.responses!['415']).toMatchObject({ description: expect.stringContaining('multipart/form-data') });
    expect(doc.paths!['/imports/{id}/apply']!.post!.requestBody).toBeUndefined();
    expect(params('/notifications', 'get')).toEqual(['query:page', 'query:unread']);
    expect(params('/briefing', 'get')).toEqual(['query:agenda', 'query:sector', 'query:from', 'query:to']);
    expect(params('/reviews/{id}/hold', 'post')).toEqual(['path:id!']);
    expect(doc.paths!['/reviews/{id}/hold']!.post!.requestBody).toMatchObject({ required: false });
    expect(doc.paths!['/me/preferences']!.put!.requestBody).toMatchObject({ required: true });
  });

  it('has a checker that refuses an answer of the wrong shape or an undocumented status', () => {
    const problemsOf = documentChecker();
    const bad = { method: 'POST', path: '/api/v1/tokens', status: 201, contentType: 'application/json', body: { id: 'x', token: 1 } };
    expect(problemsOf(bad).length).toBeGreaterThan(0);
    expect(problemsOf({ ...bad, status: 418 })).toEqual(['POST /api/v1/tokens → 418: status not documented']);
    expect(templateOf(doc, '/api/v1/commitments.csv?x=1')).toBe('/commitments.csv');
    expect(templateOf(doc, '/api/v1/commitments/abc')).toBe('/commitments/{id}');
  });

  it('is served at /api/v1/openapi.json without signing in', async () => {
    const answer = await documentRoute.GET();
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual(JSON.parse(JSON.stringify(doc)));
    const passed = proxy(new NextRequest('http://localhost:3000/api/v1/openapi.json'));
    expect(passed.status).toBe(200);
  });
});

describe('the API reference page', () => {
  it('loads its script from this site with the request’s CSP nonce, under the same policy as every page', async () => {
    const stamped = proxy(new NextRequest('http://localhost:3000/api/docs'));
    expect(stamped.status).toBe(200);
    const csp = stamped.headers.get('content-security-policy')!;
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(csp).not.toMatch(/script-src [^;]*'unsafe-(inline|eval)'/);
    const page = await docsRoute.GET(new Request('http://localhost:3000/api/docs', { headers: { 'x-nonce': nonce } }));
    const html = await page.text();
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
    expect(html).toContain('src="/api/docs/scalar.js"');
    expect(html).toContain('/api/v1/openapi.json');
    expect(html).not.toMatch(/https?:\/\/(?!localhost)/);
    const script = await scriptRoute.GET();
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    const source = Buffer.from(await script.arrayBuffer()).toString('utf8');
    expect(source.length).toBeGreaterThan(100_000);
    // The bundle's zod is told not to probe for eval, which the policy would report.
    expect(source.split('\n')[0]).toContain('jitless: true');
  });

  it('lets a bearer token reach the API without a cookie, and only the API', () => {
    const headers = { authorization: 'Bearer agt_x' };
    expect(proxy(new NextRequest('http://localhost:3000/api/v1/commitments', { headers })).status).toBe(200);
    expect(proxy(new NextRequest('http://localhost:3000/api/v1/commitments')).status).toBe(401);
    expect(proxy(new NextRequest('http://localhost:3000/admin/users', { headers })).status).toBe(307);
  });
});

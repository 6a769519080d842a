import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '../../db/connect';
import { selectRows } from '../../db/rows';
import { organisations } from '../../db/schema';
import { createOrganisation } from '../../lib/server/admin/organisations';
import { contextFromHeaders, type RequestContext } from '../../lib/server/context';
import { errorResponse, errorState, orNotFound } from '../../lib/server/error-answers';
import { AppError, databaseCode, fromDatabase } from '../../lib/server/errors';
import { sessionCookieFor, useDatabase } from '../support/app';
import { english, fieldKeys } from '../support/messages';
import { openSeeded, testEngines } from '../support/seeded';

/** What a statement was refused with: the error as the app receives it, through drizzle. */
async function refusalOf(statement: Promise<unknown>): Promise<unknown> {
  try {
    await statement;
  } catch (error) {
    return error;
  }
  throw new Error('the statement was not refused');
}

/** The driver's own error, then wrapped once and twice more, as callers may wrap it. */
function atDepths(error: unknown): [number, unknown][] {
  let driver = error;
  while (driver && typeof (driver as { code?: unknown }).code !== 'string') driver = (driver as { cause?: unknown }).cause;
  const once = new Error('while saving', { cause: driver });
  return [[1, driver], [2, once], [3, new Error('while answering', { cause: once })]];
}

describe.each(testEngines())('database errors become answers on $name', (engine) => {
  let handle: DatabaseHandle;
  let admin: RequestContext;
  let unique: unknown;
  let check: unknown;

  beforeAll(async () => {
    handle = await openSeeded(engine);
    useDatabase(handle);
    admin = await contextFromHeaders(new Headers({ cookie: await sessionCookieFor(handle, 'admin@agenda.test') }), handle.db);
    const [taken] = await selectRows<{ name: string; country: string }>(handle.db, sql`select name, country from organisations limit 1`);
    unique = await refusalOf(handle.db.insert(organisations).values({ name: taken!.name, country: taken!.country }));
    check = await refusalOf(handle.db.insert(organisations).values({ name: 'Lower-case country', country: 'kz' }));
  });
  afterAll(() => handle.close());

  it('finds the SQLSTATE however deep the driver’s error is wrapped', () => {
    for (const [depth, error] of atDepths(unique)) expect(databaseCode(error), `depth ${depth}`).toBe('23505');
    for (const [depth, error] of atDepths(check)) expect(databaseCode(error), `depth ${depth}`).toBe('23514');
  });

  it('turns a known unique violation into the field’s own message, at every depth', () => {
    for (const [depth, error] of [[0, unique] as const, ...atDepths(unique)]) {
      const answer = fromDatabase(error);
      expect(answer, `depth ${depth}`).toBeInstanceOf(AppError);
      expect([answer!.code, answer!.summary.key, fieldKeys(answer!.fields)]).toEqual(['invalid', 'problem.invalid', { name: ['admin.errors.organisationTaken'] }]);
    }
  });

  it('turns any other refused row into a 422 without a field, at every depth', () => {
    for (const [depth, error] of [[0, check] as const, ...atDepths(check)]) {
      expect(fromDatabase(error), `depth ${depth}`).toMatchObject({ code: 'invalid', summary: { key: 'problem.databaseRefused' }, fields: {} });
    }
  });

  it('answers the API with a 422 in English and a form with its state, for a row the database refused', async () => {
    const response = errorResponse(unique);
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      error: { code: 'invalid', message: english({ key: 'problem.invalid' }), fields: { name: ['An organisation of this country already has this name.'] } },
    });
    const refused = errorResponse(check);
    expect(refused.status).toBe(422);
    expect(await refused.json()).toEqual({ error: { code: 'invalid', message: 'The data was refused by the database rules. Nothing was changed.' } });
    expect(errorState(check)).toMatchObject({ status: 'error', code: 'invalid', summary: { key: 'problem.databaseRefused' }, fields: {} });
  });

  it('an administration form refused by the database shows a form error, not the error page, and nothing changes', async () => {
    // PostgreSQL stores no NUL character: the row is refused with SQLSTATE 22021, which no check before it catches.
    const before = await selectRows<{ n: number }>(handle.db, sql`select count(*)::int as n from organisations`);
    const failure = await refusalOf(handle.db.insert(organisations).values({ name: 'Ministry\u0000of Nothing', country: 'KZ' }));
    expect(databaseCode(failure)).toBe('22021');
    // The administration's own call, as its form's action makes it.
    const state = errorState(await refusalOf(createOrganisation(admin, { name: 'Ministry\u0000of Nothing', country: 'KZ' })));
    expect(state).toMatchObject({ status: 'error', code: 'invalid', summary: { key: 'problem.databaseRefused' } });
    expect(english(state.summary)).toBe('The data was refused by the database rules. Nothing was changed.');
    expect(await selectRows<{ n: number }>(handle.db, sql`select count(*)::int as n from organisations`)).toEqual(before);
  });
});

describe('answers to failures', () => {
  it('answers an unreachable database with 503, found through every wrapper', async () => {
    const nobody = postgres('postgres://postgres@127.0.0.1:9/none', { max: 1, connect_timeout: 5, onnotice: () => {} });
    const failure = await nobody`select 1`.catch((error: unknown) => error);
    await nobody.end();
    for (const [depth, error] of atDepths(failure)) {
      expect(fromDatabase(error), `depth ${depth}`).toMatchObject({ code: 'unavailable', summary: { key: 'problem.unavailable' } });
    }
    expect(fromDatabase({ cause: { cause: { code: '08006' } } })?.code).toBe('unavailable');
    const response = errorResponse(new Error('lost', { cause: failure }));
    expect([response.status, (await response.json()).error.code]).toEqual([503, 'unavailable']);
  });

  it('renders an AppError as the API’s JSON: status, English summary, each field’s messages, the current record', async () => {
    const error = new AppError('invalid', { key: 'problem.invalid' }, {
      title: [{ key: 'validation.tooLong', values: { label: 'field.title', max: 300 } }],
      'readings.0.asOf': [{ key: 'validation.readingInFuture' }, { key: 'validation.realDate', values: { label: 'field.readings_asOf' } }],
    });
    const response = errorResponse(error);
    expect(response.status).toBe(422);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      error: {
        code: 'invalid',
        message: 'Some fields are not valid. Correct them and try again; nothing was changed.',
        fields: {
          title: ['Title must be at most 300 characters.'],
          'readings.0.asOf': ['A reading cannot be dated after today.', 'Reading date must be a real date written YYYY-MM-DD.'],
        },
      },
    });
    const conflict = errorResponse(new AppError('conflict', { key: 'problem.editConflict', values: { yours: 3, current: 4 } }, {}, { version: 4 }));
    expect(conflict.status).toBe(409);
    const body = (await conflict.json()).error;
    expect(body).toMatchObject({ code: 'conflict', current: { version: 4 } });
    expect(body.message).toContain('you edited version 3; it is now version 4');
    expect(await errorResponse(new AppError('unauthenticated', { key: 'problem.signIn' })).json()).toEqual({
      error: { code: 'unauthenticated', message: 'Sign in to continue.' },
    });
  });

  it('answers an unexpected failure with a 500 that tells nothing of it', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = errorResponse(new Error('secret detail'));
    log.mockRestore();
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: 'Something went wrong on our side. Nothing was changed.' } });
    expect(text).not.toContain('secret detail');
  });

  it('turns an AppError into form state under the form’s own input names, each message once', () => {
    const linkRefused = { key: 'validation.linkNotWeb' };
    const error = new AppError('invalid', { key: 'problem.invalid' }, {
      'evidence.0': [linkRefused], 'evidence.2': [linkRefused], 'readings.1.value': [{ key: 'validation.number', values: { label: 'field.readings_value' } }],
    });
    const state = errorState(error, (path, messages) => {
      if (path.startsWith('evidence.')) return ['evidence', [...messages, { key: 'validation.checkLine', values: { link: path } }]];
      return [path.replace('readings.1', 'reading.abc'), messages];
    });
    expect(state).toEqual({
      status: 'error', code: 'invalid', summary: { key: 'problem.invalid' }, at: expect.any(Number),
      fields: {
        evidence: [linkRefused, { key: 'validation.checkLine', values: { link: 'evidence.0' } }, { key: 'validation.checkLine', values: { link: 'evidence.2' } }],
        'reading.abc.value': [{ key: 'validation.number', values: { label: 'field.readings_value' } }],
      },
    });
  });

  it('lets a real failure through to the error page', () => {
    const failure = new TypeError('a bug');
    expect(() => errorState(failure)).toThrow(failure);
  });

  it('shows a page’s 404 for a thing that does not exist, and nothing else', async () => {
    await expect(orNotFound(Promise.reject(new AppError('not_found', { key: 'problem.noCommitment' })))).rejects.toMatchObject({
      digest: expect.stringContaining('404'),
    });
    const forbidden = new AppError('forbidden', { key: 'problem.forbidden' });
    await expect(orNotFound(Promise.reject(forbidden))).rejects.toBe(forbidden);
    expect(await orNotFound(Promise.resolve('found'))).toBe('found');
  });
});

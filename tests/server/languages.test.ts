import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as commitmentRoute from '../../app/api/v1/commitments/[id]/route';
import type { DatabaseHandle } from '../../db/connect';
import { selectRows } from '../../db/rows';
import { chooseOwnLocale } from '../../lib/server/account';
import { contextFromHeaders } from '../../lib/server/context';
import { signIn } from '../../lib/server/sign-in';
import { CATALOGUES } from '../../messages';
import { sessionCookieFor, useDatabase } from '../support/app';
import { call } from '../support/api';
import { refusal } from '../support/refusal';
import { openSeeded, testEngines } from '../support/seeded';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe.each(testEngines())('the reader’s language on $name', (engine) => {
  let handle: DatabaseHandle;
  const ctxFor = (cookie?: string) => contextFromHeaders(new Headers(cookie ? { cookie } : {}), handle.db);
  const storedLocale = async (email: string) =>
    (await selectRows<{ locale: string | null }>(handle.db, sql`select locale from users where email = ${email}`))[0]!.locale;
  const audits = async (email: string) =>
    selectRows<{ before: unknown; after: unknown }>(
      handle.db,
      sql`select a.before, a.after from audit_events a join users u on u.id = a.entity_id::uuid
           where a.action = 'user.locale_changed' and u.email = ${email} order by a.id`,
    );

  beforeAll(async () => {
    handle = await openSeeded(engine);
    useDatabase(handle);
  });
  afterAll(() => handle?.close());

  it('keeps a signed-in user’s choice in the profile, audited once per change, and hands it back at sign-in', async () => {
    const cookie = await sessionCookieFor(handle, 'official@agenda.test');
    expect(await storedLocale('official@agenda.test')).toBeNull();
    await chooseOwnLocale(await ctxFor(cookie), { locale: 'kk' });
    await chooseOwnLocale(await ctxFor(cookie), { locale: 'kk' });
    expect(await storedLocale('official@agenda.test')).toBe('kk');
    expect(await audits('official@agenda.test')).toEqual([{ before: { locale: null }, after: { locale: 'kk' } }]);
    expect((await ctxFor(cookie)).viewer?.locale).toBe('kk');
    const again = await signIn(handle.db, { email: 'official@agenda.test', password: 'demo-password-2026', sourceAddress: '203.0.113.5', userAgent: 'vitest' });
    expect(again.ok && again.locale).toBe('kk');
  });

  it('refuses a language it does not offer, and anyone not signed in, changing nothing', async () => {
    const cookie = await sessionCookieFor(handle, 'reviewer@agenda.test');
    for (const locale of ['de', '', 42, null, 'EN']) {
      const error = await refusal(chooseOwnLocale(await ctxFor(cookie), { locale }));
      expect(error.code, String(locale)).toBe('invalid');
      expect(error.fields.locale?.[0]?.key, String(locale)).toBe('problem.unknownLocale');
    }
    expect((await refusal(chooseOwnLocale(await ctxFor(), { locale: 'ru' }))).code).toBe('unauthenticated');
    expect(await storedLocale('reviewer@agenda.test')).toBeNull();
    expect(await audits('reviewer@agenda.test')).toEqual([]);
  });

  it('answers the API in the reader’s language: cookie, then profile, then Accept-Language', async () => {
    const problem = (locale: keyof typeof CATALOGUES) => CATALOGUES[locale].problem.noCommitment;
    const ask = async (headers: Record<string, string>, cookie?: string) =>
      (await call(commitmentRoute.GET, 'GET', `/api/v1/commitments/${UNKNOWN_ID}`, { cookie, headers, params: { id: UNKNOWN_ID } })).json.error.message;
    const staff = await sessionCookieFor(handle, 'staff@agenda.test');
    expect(await ask({ 'accept-language': 'ru-RU,ru;q=0.9' }, staff)).toBe(problem('ru'));
    expect(await ask({ 'accept-language': 'ur-PK' }, `${staff}; NEXT_LOCALE=kk`)).toBe(problem('kk'));
    expect(await ask({ 'accept-language': 'de' }, staff)).toBe(problem('en'));
    await chooseOwnLocale(await ctxFor(staff), { locale: 'ur' });
    expect(await ask({ 'accept-language': 'ru' }, staff)).toBe(problem('ur'));
    // Not signed in: the refusal itself follows the browser's language.
    const anonymous = await call(commitmentRoute.GET, 'GET', `/api/v1/commitments/${UNKNOWN_ID}`, { headers: { 'accept-language': 'kk' }, params: { id: UNKNOWN_ID } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.json.error.message).toBe(CATALOGUES.kk.problem.signIn);
    expect(new Set([problem('en'), problem('ru'), problem('kk'), problem('ur')]).size).toBe(4);
  });
});

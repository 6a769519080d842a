import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect';
import { selectRows } from '../../db/rows';
import { contextFromHeaders, type RequestContext } from '../../lib/server/context';
import { runDecideUpdate } from '../../lib/server/forms/decisions';
import { runPostUpdate } from '../../lib/server/forms/post-update';
import { commitmentId } from '../support/api';
import { sessionCookieFor, useDatabase } from '../support/app';
import { fingerprint } from '../support/fingerprint';
import { englishFields } from '../support/messages';
import { openSeeded, testEngines } from '../support/seeded';

// The handler behind the decision forms (commitment page, "Awaiting your confirmation"), with the
// FormData a browser sends.

function formData(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  return form;
}

describe.each(testEngines())('the decision form on $name', (engine) => {
  let handle: DatabaseHandle;
  let kz: RequestContext;
  let pk: RequestContext;
  let targets: string; // ISB-18: led by the staff user's ministry and by Pakistan's Ministry of Commerce

  beforeAll(async () => {
    handle = await openSeeded(engine);
    useDatabase(handle);
    const contextFor = async (email: string) => contextFromHeaders(new Headers({ cookie: await sessionCookieFor(handle, email) }), handle.db);
    kz = await contextFor('staff@agenda.test');
    pk = await contextFor('staff.pk@agenda.test');
    targets = await commitmentId(handle, 'ISB-18');
  });
  afterAll(() => handle.close());

  const claim = async (health: string) => {
    const state = await runPostUpdate(kz, formData({ commitmentId: targets, stage: 'measurable', health, narrative: `Health now ${health}.` }));
    if (state.status !== 'success') throw new Error(`posting failed: ${JSON.stringify(state)}`);
    const [row] = await selectRows<{ id: string }>(
      handle.db,
      sql`select id from status_updates where commitment_id = ${targets} order by sequence desc limit 1`,
    );
    return row!.id;
  };

  it('refuses a dispute without a sentence, with the reason by the note, and changes nothing', async () => {
    const updateId = await claim('at_risk');
    const before = await fingerprint(handle.db);
    const state = await runDecideUpdate(pk, formData({ commitmentId: targets, updateId, decision: 'dispute', note: 'No.' }));
    expect(state.status).toBe('error');
    if (state.status !== 'error') return;
    expect(englishFields(state.fields).note).toMatch(/at least a sentence \(15 characters\)/);
    expect(await fingerprint(handle.db)).toEqual(before);
    const disputed = await runDecideUpdate(pk, formData({ commitmentId: targets, updateId, decision: 'dispute', note: 'Our ministry has not seen the risk described here.' }));
    expect(disputed).toMatchObject({ status: 'success', decision: 'disputed' });
  });

  it('confirms in one click, and tells the author’s side it may not', async () => {
    const updateId = await claim('on_track');
    const own = await runDecideUpdate(kz, formData({ commitmentId: targets, updateId, decision: 'confirm' }));
    expect(own).toMatchObject({ status: 'error', code: 'forbidden' });
    expect(await runDecideUpdate(pk, formData({ commitmentId: targets, updateId, decision: 'confirm' }))).toMatchObject({ status: 'success', decision: 'confirmed' });
    const again = await runDecideUpdate(pk, formData({ commitmentId: targets, updateId, decision: 'confirm' }));
    expect(again).toMatchObject({ status: 'error', code: 'conflict' });
  });
});

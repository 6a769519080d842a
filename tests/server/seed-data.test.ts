// The demo seed as plain data: faithful to the source text, complete, and with a history the
// production stage rules accept. No database needed.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, STAFF_ORGANISATION_KEY } from '../../db/seed/accounts';
import { COMMITMENTS_CREATED_AT, DEFAULT_TODAY, HISTORY_START, generateHistory, indicatorsForRules, type HistoryUpdate } from '../../db/seed/history';
import { AGENDA, AGENDA_EVENTS, ORGANISATIONS, SECTORS, organisationByKey } from '../../db/seed/islamabad';
import { COMMITMENTS } from '../../db/seed/islamabad-commitments';
import { buildDemoRows } from '../../db/seed/rows';
import { DAY_MS, isoDateToMs } from '../../lib/domain/dates';
import { isOverdue, isStale } from '../../lib/domain/freshness';
import { checkTransition, isBackwardMove, isForwardMove } from '../../lib/domain/stages';

const SOURCE_COPY = path.resolve(process.cwd(), 'db', 'seed', 'source-islamabad-talks.txt');
const SHARED_SOURCE = path.resolve(process.cwd(), '..', 'shared', 'source-islamabad-talks.txt');
const source = fs.readFileSync(SOURCE_COPY, 'utf8');

const todayStart = isoDateToMs(DEFAULT_TODAY);
const history = generateHistory();
const commitmentByRef = new Map(COMMITMENTS.map((c) => [c.reference, c] as const));

function updatesOf(reference: string): HistoryUpdate[] {
  return history.updates.filter((u) => u.reference === reference);
}

describe('source text', () => {
  it('keeps the copy in the repository identical to the shared original when that is present', () => {
    if (fs.existsSync(SHARED_SOURCE)) expect(source).toBe(fs.readFileSync(SHARED_SOURCE, 'utf8'));
    expect(source).toContain('Joint Declaration on the Establishment of a Strategic Partnership');
  });

  it('quotes every source passage verbatim', () => {
    for (const c of COMMITMENTS) {
      expect(c.sourcePassage.trim().length, c.reference).toBeGreaterThan(0);
      expect(source.includes(c.sourcePassage), `${c.reference} quotes the source verbatim`).toBe(true);
    }
  });

  it('describes the agenda as the source does', () => {
    expect(AGENDA).toMatchObject({ slug: 'kz-pk-islamabad-2026', partyA: 'KZ', partyB: 'PK', signedOn: '2026-02-04', place: 'Islamabad' });
    expect(source).toContain(AGENDA.sourceTitle);
    expect(source).toContain('DKNews.kz');
    const next = AGENDA_EVENTS.filter((e) => e.isNextReview);
    expect(next).toHaveLength(1);
    expect(next[0]).toMatchObject({ planned: true, isDemo: true });
    expect(next[0]!.title).toContain('(date to be confirmed)');
    expect(AGENDA_EVENTS.filter((e) => !e.isDemo).every((e) => e.occursOn === '2026-02-04')).toBe(true);
  });
});

describe('reference data', () => {
  it('has ten or more sectors with stable slugs, distinct colours and positions 1..n', () => {
    expect(SECTORS.length).toBeGreaterThanOrEqual(10);
    expect(new Set(SECTORS.map((s) => s.slug)).size).toBe(SECTORS.length);
    expect(new Set(SECTORS.map((s) => s.colour)).size).toBe(SECTORS.length);
    for (const s of SECTORS) {
      expect(s.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(s.colour).toMatch(/^#[0-9a-f]{6}$/);
    }
    expect(SECTORS.map((s) => s.position)).toEqual(SECTORS.map((_, i) => i + 1));
  });

  it('names real organisations once each, on both sides', () => {
    const keys = new Set(ORGANISATIONS.map((o) => `${o.country}/${o.name}`));
    expect(keys.size).toBe(ORGANISATIONS.length);
    expect(new Set(ORGANISATIONS.map((o) => o.key)).size).toBe(ORGANISATIONS.length);
    expect(ORGANISATIONS.every((o) => !o.isDemo)).toBe(true);
    expect(ORGANISATIONS.some((o) => o.country === 'KZ') && ORGANISATIONS.some((o) => o.country === 'PK')).toBe(true);
  });
});

describe('commitments', () => {
  it('has at least 15, with unique references and titles that fit', () => {
    expect(COMMITMENTS.length).toBeGreaterThanOrEqual(15);
    expect(new Set(COMMITMENTS.map((c) => c.reference)).size).toBe(COMMITMENTS.length);
    for (const c of COMMITMENTS) {
      expect(c.reference).toMatch(/^ISB-\d{2}$/);
      expect(c.title.trim().length).toBeGreaterThan(0);
      expect(c.title.length).toBeLessThanOrEqual(300);
      expect(c.description.trim().length).toBeGreaterThan(0);
    }
  });

  it('uses every sector and covers every area the source names', () => {
    const used = new Set(COMMITMENTS.map((c) => c.sector));
    for (const s of SECTORS) expect(used.has(s.slug), `sector ${s.slug} has a commitment`).toBe(true);
    for (const c of COMMITMENTS) expect(SECTORS.some((s) => s.slug === c.sector), c.reference).toBe(true);
    const areas = [
      'political-dialogue', 'trade-investment', 'transport-logistics', 'energy', 'industry', 'agriculture',
      'digitalisation', 'finance', 'defence', 'multilateral-coordination',
    ];
    for (const area of areas) expect(COMMITMENTS.filter((c) => c.sector === area).length, area).toBeGreaterThanOrEqual(1);
    // The three multilateral platforms and the follow-up visit each have a commitment of their own.
    for (const phrase of ['United Nations', 'Shanghai Cooperation Organisation', 'other international bodies', 'state visit to Kazakhstan', 'trade corridors', 'Central Asia']) {
      expect(COMMITMENTS.some((c) => c.sourcePassage.includes(phrase) || c.title.includes(phrase)), phrase).toBe(true);
    }
  });

  it('gives each commitment two different leads, one of Kazakhstan and one of Pakistan', () => {
    for (const c of COMMITMENTS) {
      expect(c.leadA).not.toBe(c.leadB);
      expect(organisationByKey(c.leadA).country, c.reference).toBe('KZ');
      expect(organisationByKey(c.leadB).country, c.reference).toBe('PK');
    }
  });

  it('makes the staff account’s ministry lead at least three commitments', () => {
    const staff = DEMO_ACCOUNTS.find((a) => a.role === 'staff')!;
    const org = organisationByKey(STAFF_ORGANISATION_KEY);
    expect(staff.organisation).toBe(org.name);
    const led = COMMITMENTS.filter((c) => c.leadA === org.key || c.leadB === org.key);
    expect(led.length).toBeGreaterThanOrEqual(3);
  });

  it('has demo indicators on about two thirds, each with its target beyond its baseline', () => {
    const measured = COMMITMENTS.filter((c) => c.indicators.length > 0);
    expect(measured.length / COMMITMENTS.length).toBeGreaterThanOrEqual(0.5);
    for (const c of COMMITMENTS.filter((x) => x.sector === 'multilateral-coordination' || x.sector === 'political-dialogue')) {
      expect(c.indicators, `${c.reference} is qualitative`).toHaveLength(0);
    }
    for (const c of measured) {
      expect(new Set(c.indicators.map((i) => i.key)).size).toBe(c.indicators.length);
      for (const i of c.indicators) {
        expect(Number.isFinite(i.baselineValue) && Number.isFinite(i.targetValue)).toBe(true);
        if (i.direction === 'higher_is_better') expect(i.targetValue).toBeGreaterThan(i.baselineValue);
        else expect(i.targetValue).toBeLessThan(i.baselineValue);
        expect(i.targetDate >= i.baselineDate).toBe(true);
      }
    }
  });
});

describe('demo history', () => {
  it('passes the production stage rules at every step', () => {
    expect(history.updates.length).toBeGreaterThan(0);
    for (const u of history.updates) {
      const c = commitmentByRef.get(u.reference)!;
      const result = checkTransition({
        from: u.stageBefore,
        to: u.stageAfter,
        narrative: u.narrative,
        evidence: u.evidence,
        readings: u.readings.map((r) => ({ indicatorId: r.indicatorKey, value: r.value, asOf: r.asOf })),
        indicators: indicatorsForRules(c),
        mayReopen: u.author === 'admin',
      });
      expect(result, `${u.reference} #${u.sequence}`).toEqual({ ok: true });
    }
  });

  it('chains each timeline from intent, in order, between the start and today, by authors allowed to post', () => {
    for (const c of COMMITMENTS) {
      const mine = updatesOf(c.reference);
      expect(mine.length, c.reference).toBeGreaterThan(0);
      let stage = 'intent';
      let last = isoDateToMs(HISTORY_START);
      mine.forEach((u, i) => {
        expect(u.sequence).toBe(i + 1);
        expect(u.stageBefore).toBe(stage);
        const at = Date.parse(u.createdAt);
        expect(at).toBeGreaterThan(last);
        expect(at).toBeLessThan(todayStart);
        for (const r of u.readings) {
          expect(Number.isFinite(r.value)).toBe(true);
          expect(r.asOf <= u.createdAt.slice(0, 10)).toBe(true);
        }
        for (const url of u.evidence) expect(url).toMatch(/^https:\/\/demo\.agenda\.test\/evidence\/ISB-\d{2}\/\S+$/);
        const staffLeads = c.leadA === STAFF_ORGANISATION_KEY || c.leadB === STAFF_ORGANISATION_KEY;
        expect(u.author).toBe(staffLeads ? 'staff' : 'admin');
        stage = u.stageAfter;
        last = at;
      });
    }
  });

  it('ends each commitment in the state of its last update', () => {
    for (const c of COMMITMENTS) {
      const mine = updatesOf(c.reference);
      const last = mine.at(-1)!;
      expect(history.states[c.reference]).toEqual({ stage: last.stageAfter, health: last.health, lastUpdateAt: last.createdAt, version: 1 + mine.length });
    }
  });

  it('shows the situations the dashboard must display', () => {
    const finals = Object.values(history.states);
    expect(history.updates.some((u) => isBackwardMove(u.stageBefore, u.stageAfter))).toBe(true);
    expect(finals.filter((s) => s.stage === 'stalled').length).toBeGreaterThanOrEqual(1);
    expect(finals.filter((s) => s.stage === 'achieved').length).toBeGreaterThanOrEqual(1);
    expect(finals.filter((s) => s.stage === 'intent').length).toBeGreaterThanOrEqual(1);
    expect(new Set(finals.map((s) => s.stage)).size).toBeGreaterThanOrEqual(5);
    // The dashboard's "moves in the last 30 days" has both kinds to show.
    const recent = history.updates.filter((u) => Date.parse(u.createdAt) >= todayStart - 30 * DAY_MS);
    expect(recent.filter((u) => isForwardMove(u.stageBefore, u.stageAfter)).length).toBeGreaterThanOrEqual(2);
    expect(recent.some((u) => isBackwardMove(u.stageBefore, u.stageAfter))).toBe(true);
    const now = new Date(todayStart);
    const stale = COMMITMENTS.filter((c) => isStale({ ...history.states[c.reference]!, createdAt: COMMITMENTS_CREATED_AT }, now));
    expect(stale.length).toBeGreaterThanOrEqual(2);
    const overdue = COMMITMENTS.filter((c) => isOverdue({ dueDate: c.dueDate, stage: history.states[c.reference]!.stage }, DEFAULT_TODAY));
    expect(overdue.length).toBeGreaterThanOrEqual(1);
  });

  it('threads comments sensibly', () => {
    const byKey = new Map(history.comments.map((c) => [c.key, c] as const));
    expect(history.comments.length).toBeGreaterThanOrEqual(15);
    expect(history.comments.some((c) => c.parentKey !== null)).toBe(true);
    expect(history.comments.some((c) => c.resolvedAt !== null)).toBe(true);
    for (const c of history.comments) {
      expect(c.body.trim().length).toBeGreaterThan(0);
      expect(Date.parse(c.createdAt)).toBeLessThan(todayStart);
      expect(c.resolvedAt === null).toBe(c.resolvedBy === null);
      if (c.resolvedAt) expect(c.resolvedAt > c.createdAt).toBe(true);
      if (c.parentKey) {
        const parent = byKey.get(c.parentKey)!;
        expect(parent.createdAt < c.createdAt).toBe(true);
        expect(parent.reference).toBe(c.reference);
      }
      if (c.updateSequence !== null) {
        const u = updatesOf(c.reference).find((x) => x.sequence === c.updateSequence)!;
        expect(u.createdAt < c.createdAt).toBe(true);
      }
    }
  });

  it('is deterministic and never reaches past today', () => {
    expect(generateHistory()).toEqual(generateHistory(DEFAULT_TODAY));
    expect(JSON.stringify(generateHistory())).toBe(JSON.stringify(history));
    const early = generateHistory('2026-06-01');
    expect(early.updates.length).toBeLessThan(history.updates.length);
    for (const u of early.updates) expect(u.createdAt < '2026-06-01').toBe(true);
    for (const c of early.comments) expect(c.createdAt < '2026-06-01').toBe(true);
    expect(() => generateHistory('2026-02-30')).toThrow(RangeError);
  });
});

describe('seed rows', () => {
  let n = 0;
  const rows = buildDemoRows({ today: DEFAULT_TODAY, passwordHash: '$argon2id$test', newId: () => `id-${++n}` });

  it('stores each commitment in the final state of its history, created by the admin', () => {
    const admin = rows.users.find((u) => u.role === 'admin')!;
    for (const c of rows.commitments) {
      const state = history.states[c.reference]!;
      expect(c.stage).toBe(state.stage);
      expect(c.health).toBe(state.health);
      expect(c.version).toBe(state.version);
      expect(c.lastUpdateAt?.toISOString()).toBe(state.lastUpdateAt);
      expect(c.createdById).toBe(admin.id);
    }
  });

  it('creates one demo account per role, a Pakistani counterpart and the other counterparts, sharing one hash, staff in its ministry', () => {
    const signIn = rows.users.filter((u) => !/^staff\.pk-/.test(u.email));
    expect(signIn.map((u) => u.role).sort()).toEqual(['admin', 'official', 'reviewer', 'staff', 'staff']);
    const pk = rows.users.find((u) => u.email === 'staff.pk@agenda.test')!;
    expect(rows.organisations.find((o) => o.id === pk.organisationId)!.name).toBe(organisationByKey('pk-commerce').name);
    for (const u of rows.users) {
      expect(u.isDemo).toBe(true);
      expect(u.passwordHash).toBe('$argon2id$test');
      expect(u.email).toBe(u.email.toLowerCase());
    }
    const staff = rows.users.find((u) => u.role === 'staff')!;
    const org = rows.organisations.find((o) => o.id === staff.organisationId)!;
    expect(org.name).toBe(organisationByKey(STAFF_ORGANISATION_KEY).name);
  });

  it('has the other side decide most claims: some await, one dispute is settled by a later update, one is still open', () => {
    const decisions = rows.updateConfirmations;
    const confirmed = decisions.filter((d) => d.decision === 'confirmed');
    const awaiting = decisions.filter((d) => d.decision === null);
    const disputed = decisions.filter((d) => d.decision === 'disputed');
    expect(confirmed.length).toBeGreaterThan(decisions.length / 2);
    expect(awaiting.length).toBeGreaterThan(0);
    expect(disputed.length).toBe(2);
    const laterClaims = disputed.map((d) => decisions.filter((x) => x.commitmentId === d.commitmentId && x.sequence > d.sequence!).length);
    expect(laterClaims.filter((n) => n > 0)).toHaveLength(1);
    expect(laterClaims.filter((n) => n === 0)).toHaveLength(1);
    for (const d of decisions) {
      const update = rows.statusUpdates.find((u) => u.id === d.statusUpdateId)!;
      const decider = rows.users.find((u) => u.id === d.decidedById);
      if (d.decision) {
        // The decider is staff of the commitment's other lead, never the author.
        const c = rows.commitments.find((x) => x.id === d.commitmentId)!;
        expect(decider?.role).toBe('staff');
        expect(decider!.id).not.toBe(update.authorId);
        expect(decider!.organisationId).toBe(c.leadOrgBId);
        expect(d.decidedAt!.getTime()).toBeGreaterThan(update.createdAt!.getTime());
      }
    }
  });

  it('flags every invented row as demo and inserts thread starters before replies', () => {
    expect(rows.indicators.every((i) => i.isDemo)).toBe(true);
    expect(rows.statusUpdates.every((u) => u.isDemo)).toBe(true);
    expect(rows.comments.every((c) => c.isDemo)).toBe(true);
    const firstReply = rows.comments.findIndex((c) => c.parentId);
    expect(rows.comments.slice(firstReply).every((c) => c.parentId)).toBe(true);
    expect(rows.indicatorReadings.length).toBeGreaterThan(0);
    expect(rows.evidenceLinks.length).toBeGreaterThan(0);
  });
});

// Builds every row of the demo seed, ids included, without touching a database: seedDemoData
// inserts them, and tests can check them as plain data.
import type {
  agendaEvents, agendas, comments, commitments, evidenceLinks, indicatorReadings, indicators, organisations, sectors,
  statusUpdates, users,
} from '@/db/schema';
import { DEMO_ACCOUNTS, type DemoAccount } from './accounts';
import { COMMITMENTS_CREATED_AT, type DemoHistory, generateHistory } from './history';
import { AGENDA, AGENDA_EVENTS, ORGANISATIONS, SECTORS } from './islamabad';
import { COMMITMENTS } from './islamabad-commitments';

export interface DemoRows {
  history: DemoHistory;
  organisations: (typeof organisations.$inferInsert)[];
  users: (typeof users.$inferInsert)[];
  agendas: (typeof agendas.$inferInsert)[];
  agendaEvents: (typeof agendaEvents.$inferInsert)[];
  sectors: (typeof sectors.$inferInsert)[];
  commitments: (typeof commitments.$inferInsert)[];
  indicators: (typeof indicators.$inferInsert)[];
  statusUpdates: (typeof statusUpdates.$inferInsert)[];
  indicatorReadings: (typeof indicatorReadings.$inferInsert)[];
  evidenceLinks: (typeof evidenceLinks.$inferInsert)[];
  /** Thread starters first, then replies, so a reply's parent is always inserted before it. */
  comments: (typeof comments.$inferInsert)[];
}

export interface BuildOptions {
  today: string;
  passwordHash: string;
  newId: () => string;
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Seed data refers to an unknown ${what}`);
  return value;
}

export function buildDemoRows({ today, passwordHash, newId }: BuildOptions): DemoRows {
  const history = generateHistory(today);

  const orgIds = new Map(ORGANISATIONS.map((o) => [o.key, newId()] as const));
  const orgIdByName = new Map(ORGANISATIONS.map((o) => [o.name, orgIds.get(o.key)!] as const));
  const orgRows = ORGANISATIONS.map((o) => ({ id: orgIds.get(o.key)!, name: o.name, shortName: o.shortName, country: o.country, isDemo: o.isDemo }));

  const userIds = new Map(DEMO_ACCOUNTS.map((a) => [a.role, newId()] as const));
  const userId = (role: DemoAccount['role']) => need(userIds.get(role), `demo role ${role}`);
  const userRows = DEMO_ACCOUNTS.map((a) => ({
    id: userId(a.role),
    email: a.email.toLowerCase(),
    name: a.name,
    role: a.role,
    organisationId: a.organisation === undefined ? null : need(orgIdByName.get(a.organisation), `organisation ${a.organisation}`),
    passwordHash,
    isDemo: true,
  }));

  const agendaId = newId();
  const agendaRows = [{ id: agendaId, ...AGENDA }];
  const eventRows = AGENDA_EVENTS.map((e) => ({ id: newId(), agendaId, ...e }));

  const sectorIds = new Map(SECTORS.map((s) => [s.slug, newId()] as const));
  const sectorRows = SECTORS.map((s) => ({ id: sectorIds.get(s.slug)!, ...s }));

  const createdAt = new Date(COMMITMENTS_CREATED_AT);
  const commitmentIds = new Map<string, string>();
  const indicatorIds = new Map<string, string>(); // `${reference}/${key}` -> id
  const commitmentRows: DemoRows['commitments'] = [];
  const indicatorRows: DemoRows['indicators'] = [];
  for (const c of COMMITMENTS) {
    const id = newId();
    commitmentIds.set(c.reference, id);
    const state = need(history.states[c.reference], `history of ${c.reference}`);
    const lastUpdateAt = state.lastUpdateAt === null ? null : new Date(state.lastUpdateAt);
    commitmentRows.push({
      id,
      agendaId,
      sectorId: need(sectorIds.get(c.sector), `sector ${c.sector}`),
      reference: c.reference,
      title: c.title,
      description: c.description,
      sourcePassage: c.sourcePassage,
      leadOrgAId: need(orgIds.get(c.leadA), `organisation ${c.leadA}`),
      leadOrgBId: need(orgIds.get(c.leadB), `organisation ${c.leadB}`),
      dueDate: c.dueDate,
      stage: state.stage,
      health: state.health,
      version: state.version,
      lastUpdateAt,
      createdById: userId('admin'),
      createdAt,
      updatedAt: lastUpdateAt ?? createdAt,
    });
    c.indicators.forEach((ind, position) => {
      const indicatorId = newId();
      indicatorIds.set(`${c.reference}/${ind.key}`, indicatorId);
      indicatorRows.push({
        id: indicatorId,
        commitmentId: id,
        name: ind.name,
        unit: ind.unit,
        baselineValue: ind.baselineValue,
        baselineDate: ind.baselineDate,
        targetValue: ind.targetValue,
        targetDate: ind.targetDate,
        direction: ind.direction,
        position,
        isDemo: true,
        createdAt,
        updatedAt: createdAt,
      });
    });
  }

  const updateIds = new Map<string, string>(); // `${reference}#${sequence}` -> id
  const updateRows: DemoRows['statusUpdates'] = [];
  const readingRows: DemoRows['indicatorReadings'] = [];
  const evidenceRows: DemoRows['evidenceLinks'] = [];
  for (const u of history.updates) {
    const id = newId();
    updateIds.set(`${u.reference}#${u.sequence}`, id);
    updateRows.push({
      id,
      commitmentId: need(commitmentIds.get(u.reference), `commitment ${u.reference}`),
      sequence: u.sequence,
      authorId: userId(u.author),
      createdAt: new Date(u.createdAt),
      stageBefore: u.stageBefore,
      stageAfter: u.stageAfter,
      health: u.health,
      narrative: u.narrative,
      nextStep: u.nextStep,
      isDemo: true,
    });
    for (const r of u.readings) {
      readingRows.push({
        id: newId(),
        statusUpdateId: id,
        indicatorId: need(indicatorIds.get(`${u.reference}/${r.indicatorKey}`), `indicator ${r.indicatorKey}`),
        value: r.value,
        asOf: r.asOf,
      });
    }
    u.evidence.forEach((url, position) => evidenceRows.push({ id: newId(), statusUpdateId: id, url, position }));
  }

  const commentIds = new Map(history.comments.map((c) => [c.key, newId()] as const));
  const commentRows = history.comments.map((c) => ({
    id: commentIds.get(c.key)!,
    commitmentId: need(commitmentIds.get(c.reference), `commitment ${c.reference}`),
    statusUpdateId: c.updateSequence === null ? null : need(updateIds.get(`${c.reference}#${c.updateSequence}`), `update ${c.reference}#${c.updateSequence}`),
    parentId: c.parentKey === null ? null : need(commentIds.get(c.parentKey), `comment ${c.parentKey}`),
    authorId: userId(c.author),
    body: c.body,
    createdAt: new Date(c.createdAt),
    resolvedAt: c.resolvedAt === null ? null : new Date(c.resolvedAt),
    resolvedById: c.resolvedBy === null ? null : userId(c.resolvedBy),
    isDemo: true,
  }));
  commentRows.sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null));

  return {
    history,
    organisations: orgRows,
    users: userRows,
    agendas: agendaRows,
    agendaEvents: eventRows,
    sectors: sectorRows,
    commitments: commitmentRows,
    indicators: indicatorRows,
    statusUpdates: updateRows,
    indicatorReadings: readingRows,
    evidenceLinks: evidenceRows,
    comments: commentRows,
  };
}

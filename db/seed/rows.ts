// Builds every row of the demo seed, ids included, without touching a database: seedDemoData
// inserts them, and tests can check them as plain data.
import type {
  agendaEvents, agendas, comments, commitments, evidenceLinks, indicatorReadings, indicators, organisations, sectors,
  reviews, statusUpdates, updateConfirmations, users,
} from '@/db/schema';
import { DEMO_ACCOUNTS, type DemoAccount } from './accounts';
import { planDecisions } from './confirmations';
import { COMMITMENTS_CREATED_AT, type DemoHistory, generateHistory } from './history';
import { AGENDA, AGENDA_EVENTS, REVIEW_NAME, ORGANISATIONS, organisationByKey, SECTORS } from './islamabad';
import { COMMITMENTS } from './islamabad-commitments';

export interface DemoRows {
  history: DemoHistory;
  organisations: (typeof organisations.$inferInsert)[];
  users: (typeof users.$inferInsert)[];
  agendas: (typeof agendas.$inferInsert)[];
  agendaEvents: (typeof agendaEvents.$inferInsert)[];
  /** The planned state visit, as a review not yet held. */
  reviews: (typeof reviews.$inferInsert)[];
  sectors: (typeof sectors.$inferInsert)[];
  commitments: (typeof commitments.$inferInsert)[];
  indicators: (typeof indicators.$inferInsert)[];
  statusUpdates: (typeof statusUpdates.$inferInsert)[];
  indicatorReadings: (typeof indicatorReadings.$inferInsert)[];
  evidenceLinks: (typeof evidenceLinks.$inferInsert)[];
  updateConfirmations: (typeof updateConfirmations.$inferInsert)[];
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

  // Besides the sign-in accounts, one staff member for each Pakistani lead organisation that has none:
  // the counterparts who decide the demo updates on the commitments their ministry leads.
  const accountOrganisations = new Set(DEMO_ACCOUNTS.map((a) => a.organisation));
  const counterparts: DemoAccount[] = [...new Set(COMMITMENTS.map((c) => c.leadB))]
    .map(organisationByKey)
    .filter((o) => !accountOrganisations.has(o.name))
    .map((o) => ({ email: `staff.${o.key}@agenda.test`, name: `Demo Staff (${o.shortName})`, role: 'staff', organisation: o.name }));
  const accounts = [...DEMO_ACCOUNTS, ...counterparts];
  const userIds = new Map(accounts.map((a) => [a.email, newId()] as const));
  // The first account of a role is the one the history's authors name ("staff": staff@agenda.test).
  const userId = (role: DemoAccount['role']) => need(userIds.get(need(accounts.find((a) => a.role === role), `demo role ${role}`).email), `demo role ${role}`);
  const staffOf = (organisationKey: string) => {
    const name = organisationByKey(organisationKey).name;
    return need(userIds.get(need(accounts.find((a) => a.role === 'staff' && a.organisation === name), `staff of ${name}`).email), name);
  };
  const userRows = accounts.map((a) => ({
    id: need(userIds.get(a.email), a.email),
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
  const reviewRows = AGENDA_EVENTS.filter((e) => e.kind === 'review').map((e) => ({ id: newId(), agendaId, name: REVIEW_NAME, reviewOn: e.occursOn }));

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
      // The staff account's ministry is lead A of every commitment it updates; the administrator speaks for neither side.
      party: u.author === 'staff' ? 'a' : null,
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

  // Staff-authored updates (Kazakh side) are decided by the Pakistani lead's staff; the administrator's
  // by the Pakistani lead's staff as well, either side being entitled to decide those.
  const leadB = new Map(COMMITMENTS.map((c) => [c.reference, c.leadB] as const));
  const confirmationRows = planDecisions(history.updates, today).map((d) => ({
    statusUpdateId: need(updateIds.get(`${d.reference}#${d.sequence}`), `update ${d.reference}#${d.sequence}`),
    commitmentId: need(commitmentIds.get(d.reference), `commitment ${d.reference}`),
    sequence: d.sequence,
    requestedAt: new Date(d.requestedAt),
    decision: d.decision,
    decidedById: d.decision ? staffOf(need(leadB.get(d.reference), d.reference)) : null,
    decidedAt: d.decidedAt ? new Date(d.decidedAt) : null,
    note: d.note,
  }));

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
    reviews: reviewRows,
    sectors: sectorRows,
    commitments: commitmentRows,
    indicators: indicatorRows,
    statusUpdates: updateRows,
    indicatorReadings: readingRows,
    evidenceLinks: evidenceRows,
    updateConfirmations: confirmationRows,
    comments: commentRows,
  };
}

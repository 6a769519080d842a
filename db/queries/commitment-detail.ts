import 'server-only';
import { sql } from 'drizzle-orm';
import type { Health, Stage } from '@/lib/domain/stages';
import type { Database } from '../connect';
import { selectRows } from '../rows';
import type { Indicator } from '../schema';

// The columns the page and the API show, typed from the table itself.
type IndicatorRow = Pick<
  Indicator,
  'id' | 'name' | 'unit' | 'baselineValue' | 'baselineDate' | 'targetValue' | 'targetDate' | 'direction' | 'isDemo'
>;

export function listIndicators({ db, commitmentId }: { db: Database; commitmentId: string }) {
  return selectRows<IndicatorRow>(
    db,
    sql`select id, name, unit, baseline_value as "baselineValue", baseline_date::text as "baselineDate",
               target_value as "targetValue", target_date::text as "targetDate", direction, is_demo as "isDemo"
          from indicators where commitment_id = ${commitmentId} order by position, name`,
  );
}

interface UpdateRow {
  id: string;
  sequence: number;
  createdAt: Date;
  authorId: string;
  authorName: string;
  authorOrganisation: string | null;
  stageBefore: Stage;
  stageAfter: Stage;
  health: Health;
  narrative: string;
  nextStep: string;
  isDemo: boolean;
  party: 'a' | 'b' | null;
  /** Whether it awaits (or awaited) the other side: false for a narrative or evidence only. */
  claims: boolean;
  decision: 'confirmed' | 'disputed' | null;
  decidedById: string | null;
  decidedByName: string | null;
  decidedByOrganisation: string | null;
  decidedAt: Date | null;
  note: string | null;
}

export function listUpdates({ db, commitmentId }: { db: Database; commitmentId: string }) {
  return selectRows<UpdateRow>(
    db,
    sql`select u.id, u.sequence, u.created_at as "createdAt", u.author_id as "authorId", au.name as "authorName",
               o.name as "authorOrganisation", u.stage_before as "stageBefore", u.stage_after as "stageAfter", u.health,
               u.narrative, u.next_step as "nextStep", u.is_demo as "isDemo", u.party,
               (k.status_update_id is not null) as claims, k.decision, k.decided_by_id as "decidedById",
               du.name as "decidedByName", dorg.name as "decidedByOrganisation", k.decided_at as "decidedAt", k.note
          from status_updates u
          join users au on au.id = u.author_id
          left join organisations o on o.id = au.organisation_id
          left join update_confirmations k on k.status_update_id = u.id
          left join users du on du.id = k.decided_by_id
          left join organisations dorg on dorg.id = du.organisation_id
         where u.commitment_id = ${commitmentId}
         order by u.sequence desc`,
  );
}

interface ReadingRow {
  statusUpdateId: string;
  indicatorId: string;
  value: number;
  asOf: string;
}

export function listReadings({ db, commitmentId }: { db: Database; commitmentId: string }) {
  return selectRows<ReadingRow>(
    db,
    sql`select r.status_update_id as "statusUpdateId", r.indicator_id as "indicatorId", r.value, r.as_of::text as "asOf"
          from indicator_readings r join status_updates u on u.id = r.status_update_id
         where u.commitment_id = ${commitmentId}
         order by r.as_of, u.sequence`,
  );
}

interface EvidenceRow {
  statusUpdateId: string;
  url: string;
}

export function listEvidence({ db, commitmentId }: { db: Database; commitmentId: string }) {
  return selectRows<EvidenceRow>(
    db,
    sql`select e.status_update_id as "statusUpdateId", e.url
          from evidence_links e join status_updates u on u.id = e.status_update_id
         where u.commitment_id = ${commitmentId}
         order by u.sequence, e.position`,
  );
}

interface CommentRow {
  id: string;
  statusUpdateId: string | null;
  parentId: string | null;
  authorId: string;
  authorName: string;
  authorRole: string;
  body: string;
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedByName: string | null;
  isDemo: boolean;
}

export function listComments({ db, commitmentId }: { db: Database; commitmentId: string }) {
  return selectRows<CommentRow>(
    db,
    sql`select c.id, c.status_update_id as "statusUpdateId", c.parent_id as "parentId", c.author_id as "authorId",
               au.name as "authorName", au.role as "authorRole", c.body, c.created_at as "createdAt",
               c.resolved_at as "resolvedAt", rb.name as "resolvedByName", c.is_demo as "isDemo"
          from comments c
          join users au on au.id = c.author_id
          left join users rb on rb.id = c.resolved_by_id
         where c.commitment_id = ${commitmentId}
         order by c.created_at, c.id`,
  );
}

import 'server-only';
import { sql } from 'drizzle-orm';
import { NO_UPDATE_DAYS, DUE_SOON_DAYS } from '@/lib/domain/notification-kinds';
import { STALE_AFTER_DAYS } from '@/lib/domain/freshness';
import type { Person } from '@/lib/domain/notification-rules';
import type { Database } from '../connect';
import { selectRows } from '../rows';

export interface DueReminder {
  commitmentId: string;
  leadOrgAId: string;
  leadOrgBId: string;
  kind: 'due_soon' | 'overdue' | 'no_update';
  /** What makes the reminder once per period: the due date, or the last update's time. */
  period: string;
  due: string | null;
}

/**
 * The unfinished commitments a reminder is due for today (UTC): due within 14 days, overdue, or
 * without an update for 50 days and not yet stale at 60. A commitment's reminder is keyed to its
 * due date (or its last update), so it is sent once however often this runs.
 */
export async function listDueReminders({ db }: { db: Database }) {
  return selectRows<DueReminder>(
    db,
    sql`with c as (
          select id, lead_org_a_id, lead_org_b_id, due_date, coalesce(last_update_at, created_at) as quiet_since
            from commitments where stage not in ('achieved', 'dropped')
        ), today as (select (now() at time zone 'UTC')::date as d)
        select id as "commitmentId", lead_org_a_id as "leadOrgAId", lead_org_b_id as "leadOrgBId", 'due_soon' as kind,
               due_date::text as period, due_date::text as due
          from c, today where due_date >= today.d and due_date <= today.d + ${DUE_SOON_DAYS}::int
        union all
        select id, lead_org_a_id, lead_org_b_id, 'overdue', due_date::text, due_date::text
          from c, today where due_date < today.d
        union all
        select id, lead_org_a_id, lead_org_b_id, 'no_update', to_char(quiet_since at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS'), due_date::text
          from c where quiet_since <= now() - make_interval(days => ${NO_UPDATE_DAYS})
                   and quiet_since > now() - make_interval(days => ${STALE_AFTER_DAYS})`,
  );
}

/** Every active staff member, for the reminders' rule (staff of the lead organisations). */
export async function listActiveStaff({ db }: { db: Database }) {
  return selectRows<Person>(
    db,
    sql`select id, role, organisation_id as "organisationId", false as disabled, false as watching, false as "inThread"
          from users where role = 'staff' and disabled_at is null`,
  );
}

export interface WeeklyFigures {
  moved: number;
  stuck: number;
  awaiting: number;
}

/** The officials' weekly digest: stage moves in the last 7 days, commitments stalled or stale, updates awaiting a decision. */
export async function weeklyFigures({ db }: { db: Database }): Promise<WeeklyFigures> {
  const [row] = await selectRows<WeeklyFigures>(
    db,
    sql`select
          (select count(*)::int from stage_events where at > now() - interval '7 days' and left_stage is not null) as moved,
          (select count(*)::int from commitments c where c.stage not in ('achieved', 'dropped')
             and (c.stage = 'stalled' or coalesce(c.last_update_at, c.created_at) <= now() - make_interval(days => ${STALE_AFTER_DAYS}))) as stuck,
          (select count(*)::int from update_confirmations where decision is null) as awaiting`,
  );
  return row!;
}

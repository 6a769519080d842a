import 'server-only';
import { sql } from 'drizzle-orm';
import type { Database } from '../connect';
import { selectRows } from '../rows';

// The job queue's own tables (pg-boss, schema `pgboss`), read for the administrators' page. Before
// the first start of the queue the schema does not exist yet: every figure is then empty.

export interface QueueFigures {
  name: string;
  queued: number;
  active: number;
  failed: number;
}

async function whenInstalled<T>(db: Database, empty: T, read: () => Promise<T>): Promise<T> {
  const [row] = await selectRows<{ installed: boolean }>(db, sql`select to_regclass('pgboss.job') is not null as installed`);
  return row?.installed ? read() : empty;
}

export function queueFigures({ db, names }: { db: Database; names: string[] }) {
  return whenInstalled(db, [] as QueueFigures[], () =>
    selectRows<QueueFigures>(
      db,
      sql`select q.name,
            count(*) filter (where j.state in ('created', 'retry'))::int as queued,
            count(*) filter (where j.state = 'active')::int as active,
            count(*) filter (where j.state = 'failed')::int as failed
          from (values ${sql.join(names.map((n) => sql`(${n})`), sql`, `)}) as q(name)
          left join pgboss.job j on j.name = q.name
          group by q.name order by q.name`,
    ),
  );
}

export interface FailedJob {
  id: string;
  name: string;
  completedOn: Date | null;
  error: string;
}

export function recentFailures({ db, limit = 20 }: { db: Database; limit?: number }) {
  return whenInstalled(db, [] as FailedJob[], () =>
    selectRows<FailedJob>(
      db,
      sql`select id::text, name, completed_on as "completedOn", coalesce(output->>'message', output::text, '') as error
            from pgboss.job where state = 'failed' order by completed_on desc nulls last limit ${limit}`,
    ),
  );
}

export interface LastRun {
  name: string;
  state: string;
  at: Date;
}

/** The latest run of each scheduled job. */
export function lastRuns({ db, names }: { db: Database; names: string[] }) {
  return whenInstalled(db, [] as LastRun[], () =>
    selectRows<LastRun>(
      db,
      sql`select distinct on (name) name, state::text, coalesce(completed_on, started_on, created_on) as at
            from pgboss.job where name in (${sql.join(names.map((n) => sql`${n}`), sql`, `)})
           order by name, created_on desc`,
    ),
  );
}

export async function outboxDepth({ db }: { db: Database }) {
  const [row] = await selectRows<{ n: number }>(db, sql`select count(*)::int as n from job_outbox`);
  return row?.n ?? 0;
}

export async function failedEmailCount({ db }: { db: Database }) {
  const [row] = await selectRows<{ n: number }>(db, sql`select count(*)::int as n from notifications where email_error is not null`);
  return row?.n ?? 0;
}

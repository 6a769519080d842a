import 'server-only';
import { sql } from 'drizzle-orm';
import type { Database } from '../connect';
import { selectRows } from '../rows';

export interface AdminOverviewCounts {
  users: number;
  disabledUsers: number;
  administrators: number;
  organisations: number;
  failedSignIns24h: number;
}

/** Headline figures for the administration home page, in one round trip. */
export async function countAdminOverview({ db }: { db: Database }): Promise<AdminOverviewCounts> {
  const [row] = await selectRows<AdminOverviewCounts>(
    db,
    sql`select (select count(*)::int from users) as "users",
               (select count(*)::int from users where disabled_at is not null) as "disabledUsers",
               (select count(*)::int from users where role = 'admin' and disabled_at is null) as "administrators",
               (select count(*)::int from organisations) as "organisations",
               (select count(*)::int from sign_in_attempts where outcome <> 'success' and at > now() - interval '24 hours') as "failedSignIns24h"`,
  );
  return row!;
}

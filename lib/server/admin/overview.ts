import 'server-only';
import { sql } from 'drizzle-orm';
import { selectRows } from '@/db/rows';
import type { RequestContext } from '../context';
import { authorize } from '../guard';

export interface AdminOverview {
  users: number;
  disabledUsers: number;
  administrators: number;
  organisations: number;
  failedSignIns24h: number;
}

/** Headline figures for the administration home page, in one round trip. */
export async function getAdminOverview(ctx: RequestContext): Promise<AdminOverview> {
  const { db } = authorize(ctx, 'admin.users');
  const [row] = await selectRows<AdminOverview>(
    db,
    sql`select (select count(*)::int from users) as "users",
               (select count(*)::int from users where disabled_at is not null) as "disabledUsers",
               (select count(*)::int from users where role = 'admin' and disabled_at is null) as "administrators",
               (select count(*)::int from organisations) as "organisations",
               (select count(*)::int from sign_in_attempts where outcome <> 'success' and at > now() - interval '24 hours') as "failedSignIns24h"`,
  );
  return row!;
}

import 'server-only';
import { type AdminOverviewCounts, countAdminOverview } from '@/db/queries/admin-overview';
import type { RequestContext } from '../context';
import { authorize } from '../guard';

/** Headline figures for the administration home page. */
export async function getAdminOverview(ctx: RequestContext): Promise<AdminOverviewCounts> {
  const { db } = authorize(ctx, 'admin.users');
  return countAdminOverview({ db });
}

import { apiRoute, json, routeMethods } from '@/lib/server/api';
import { toApiCommitment } from '@/lib/server/api-shapes';
import { createCommitment } from '@/lib/server/commitment-writes';
import { filtersFromQuery, listCommitments } from '@/lib/server/commitments';

export const dynamic = 'force-dynamic';

const list = apiRoute(async ({ ctx, request }) => {
  const list = await listCommitments(ctx, filtersFromQuery(new URL(request.url).searchParams));
  return { items: list.items.map(toApiCommitment), page: list.page, pageSize: list.pageSize, total: list.total };
});

const create = apiRoute(async ({ ctx, body }) => json(toApiCommitment(await createCommitment(ctx, body)), 201));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: list, POST: create });

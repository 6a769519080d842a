import { apiRoute, routeMethods } from '@/lib/server/api';
import { toApiCommitment, toApiUpdate } from '@/lib/server/api-shapes';
import { updateCommitment } from '@/lib/server/commitment-writes';
import { getCommitmentDetail } from '@/lib/server/commitments';

export const dynamic = 'force-dynamic';

const read = apiRoute<{ id: string }>(async ({ ctx, params }) => {
  const detail = await getCommitmentDetail(ctx, params.id);
  return { ...toApiCommitment(detail.commitment), indicators: detail.indicators, updates: detail.updates.map(toApiUpdate), comments: detail.comments };
});

const edit = apiRoute<{ id: string }>(async ({ ctx, params, body }) => toApiCommitment(await updateCommitment(ctx, params.id, body)));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: read, PATCH: edit });

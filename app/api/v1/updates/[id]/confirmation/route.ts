import { apiRoute } from '@/lib/server/api';
import { decideUpdate } from '@/lib/server/confirmations';

export const dynamic = 'force-dynamic';

// {"decision": "confirm"} or {"decision": "dispute", "note": "…"}: the other side's decision on the update.
export const POST = apiRoute<{ id: string }>(async ({ ctx, params, body }) => decideUpdate(ctx, params.id, body));

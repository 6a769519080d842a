import { apiRoute, routeMethods } from '@/lib/server/api';
import { applyImport } from '@/lib/server/imports/imports';
import { toApiImport } from '@/lib/server/imports/import-answers';

export const dynamic = 'force-dynamic';

const apply = apiRoute<{ id: string }>(async ({ ctx, params }) => toApiImport(await applyImport(ctx, params.id)));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: apply });

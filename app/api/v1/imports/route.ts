import { apiRoute, routeMethods } from '@/lib/server/api';
import { previewImport } from '@/lib/server/imports/imports';
import { toApiImport } from '@/lib/server/imports/import-answers';

export const dynamic = 'force-dynamic';

const preview = apiRoute(async ({ ctx, file }) => toApiImport(await previewImport(ctx, file)), { status: 201, upload: true });

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: preview });

import { routeMethods } from '@/lib/server/api';
import { openApiDocument } from '@/lib/server/openapi/document';

export const dynamic = 'force-dynamic';

// Public: it describes the API, no data (the proxy lets it through without a session).
const describe = async () => Response.json(openApiDocument(), { headers: { 'cache-control': 'no-cache' } });

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: describe });

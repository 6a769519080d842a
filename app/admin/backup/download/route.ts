import { downloadBackup } from '@/lib/server/admin/backup';
import { routeMethods } from '@/lib/server/api';
import { contextFromHeaders } from '@/lib/server/context';
import { errorResponse } from '@/lib/server/error-answers';
import { localeOfRequest } from '@/lib/server/request-locale';

export const dynamic = 'force-dynamic';

// Administration → Backup's download: the whole database, to an administrator, never cached.
async function download(request: Request): Promise<Response> {
  try {
    const backup = await downloadBackup(await contextFromHeaders(request.headers));
    return new Response(backup.body, {
      headers: {
        'content-type': backup.contentType,
        'content-disposition': `attachment; filename="${backup.fileName}"`,
        'cache-control': 'no-store',
        ...(backup.body instanceof Blob ? { 'content-length': String(backup.body.size) } : {}),
      },
    });
  } catch (error) {
    return errorResponse(error, localeOfRequest(request.headers));
  }
}

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: download });

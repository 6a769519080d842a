import { errorResponse } from '@/lib/server/error-answers';
import { AppError } from '@/lib/server/errors';
import { localeOfRequest } from '@/lib/server/request-locale';

export const dynamic = 'force-dynamic';

// Unknown API paths answer in the API's own error shape, not with an HTML page.
function notFound(request: Request) {
  return errorResponse(new AppError('not_found', { key: 'problem.noEndpoint' }), localeOfRequest(request.headers));
}

export { notFound as GET, notFound as POST, notFound as PATCH, notFound as PUT, notFound as DELETE };

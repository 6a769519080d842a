import { json } from '@/lib/server/api';

export const dynamic = 'force-dynamic';

// Unknown API paths answer in the API's own error shape, not with an HTML page.
function notFound() {
  return json({ error: { code: 'not_found', message: 'There is no such API endpoint. See the README for the endpoints of version 1.' } }, 404);
}

export { notFound as GET, notFound as POST, notFound as PATCH, notFound as PUT, notFound as DELETE };

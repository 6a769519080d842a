import { routeMethods } from '@/lib/server/api';
import { checkDatabase } from '@/lib/server/health';

export const dynamic = 'force-dynamic';

// For load balancers and operators: says which database the app uses and whether it answers.
async function healthCheck() {
  const health = await checkDatabase();
  if (health.reachable) {
    return Response.json({ status: 'ok', database: health }, { headers: { 'cache-control': 'no-store' } });
  }
  console.error(`[health] ${health.problem}`);
  return Response.json(
    { status: 'unavailable', database: { kind: health.kind, reachable: false, error: 'The database is not reachable.' } },
    { status: 503, headers: { 'cache-control': 'no-store' } },
  );
}

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: healthCheck });

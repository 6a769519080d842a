import { checkDatabase } from '@/lib/server/health';

export const dynamic = 'force-dynamic';

// For load balancers and operators: says which database the app uses and whether it answers.
export async function GET() {
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

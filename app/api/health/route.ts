import { sql } from 'drizzle-orm';
import { describeDatabaseError } from '@/db/errors';
import { readEnv } from '@/lib/env';
import { getDatabase } from '@/lib/server/db';

export const dynamic = 'force-dynamic';

// For load balancers and operators: says which database the app uses and whether it answers.
export async function GET() {
  const env = readEnv();
  const started = performance.now();
  try {
    const { db, kind } = await getDatabase();
    await db.execute(sql`select 1`);
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    return Response.json(
      { status: 'ok', database: { kind, reachable: true, latencyMs } },
      { headers: { 'cache-control': 'no-store' } },
    );
  } catch (error) {
    const message = describeDatabaseError(error, { kind: env.databaseKind, url: env.databaseUrl, dataDir: env.pgliteDir });
    console.error(`[health] ${message}`);
    return Response.json(
      { status: 'unavailable', database: { kind: env.databaseKind, reachable: false, error: 'The database is not reachable.' } },
      { status: 503, headers: { 'cache-control': 'no-store' } },
    );
  }
}

import 'server-only';
import type { DatabaseHandle } from '@/db/connect';
import { describeDatabaseError } from '@/db/errors';
import { pingDatabase } from '@/db/queries/database';
import { readEnv } from '@/lib/env';
import { getDatabase } from './db';

export type DatabaseHealth =
  | { kind: DatabaseHandle['kind']; reachable: true; latencyMs: number }
  /** `problem`: what is wrong and how to fix it, for the server's log only. */
  | { kind: DatabaseHandle['kind']; reachable: false; problem: string };

/** Whether the app's database answers, and how fast. Needs no sign-in: load balancers ask it. */
export async function checkDatabase(): Promise<DatabaseHealth> {
  const env = readEnv();
  const started = performance.now();
  try {
    const { db, kind } = await getDatabase();
    await pingDatabase({ db });
    return { kind, reachable: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    const problem = describeDatabaseError(error, { kind: env.databaseKind, url: env.databaseUrl, dataDir: env.pgliteDir });
    return { kind: env.databaseKind, reachable: false, problem };
  }
}

import type { DatabaseHandle } from '../../db/connect';
import { seedDemoData } from '../../db/seed';
import { hashPassword } from '../../lib/passwords';
import { testEngines, type TestEngine } from './databases';

let demoHash: Promise<string> | undefined;

/** A database of its own with the migrations and the demo data; the demo password works. */
export async function openSeeded(engine: TestEngine): Promise<DatabaseHandle> {
  demoHash ??= hashPassword('demo-password-2026');
  const handle = await engine.open();
  await seedDemoData(handle.db, { passwordHash: await demoHash });
  return handle;
}

export { testEngines };

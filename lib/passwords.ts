import 'server-only';
import { hash, verify } from '@node-rs/argon2';

// Beside lib/server, not inside it: the sign-in rules and the demo seed (db/seed) must hash with the
// same profile, and the database layer does not depend on the data-access layer above it.

// argon2id with OWASP's second recommended profile (19 MiB, 2 passes): ~30 ms here, memory-hard.
// The library's Algorithm enum is a const enum, which isolated modules cannot read: 2 is Argon2id.
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    // A malformed stored hash is a failed sign-in, not a crash.
    return false;
  }
}

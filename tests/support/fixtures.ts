import type { Database } from '../../db/connect';
import { agendas, commitments, organisations, sectors, users } from '../../db/schema';
import { databaseCode } from '../../lib/server/errors';

// A stored argon2id string; constraint tests need a well-formed hash, not a usable password.
export const FAKE_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA';

/** The smallest set of rows a commitment needs: an agenda, a sector, one organisation per side, a user. */
export async function insertMinimalCommitment(db: Database) {
  const [agenda] = await db
    .insert(agendas)
    .values({
      slug: 'test-agenda',
      title: 'Test agenda',
      partyA: 'KZ',
      partyB: 'PK',
      signedOn: '2026-02-04',
      place: 'Islamabad',
      sourceTitle: 'Joint Declaration',
      sourceDocument: 'Test source',
    })
    .returning();
  const [sector] = await db.insert(sectors).values({ slug: 'energy', name: 'Energy', colour: '#0072b2' }).returning();
  const [orgA, orgB] = await db
    .insert(organisations)
    .values([
      { name: 'Ministry A', country: 'KZ' },
      { name: 'Ministry B', country: 'PK' },
    ])
    .returning();
  const [user] = await db
    .insert(users)
    .values({ email: 'someone@agenda.test', name: 'Someone', role: 'admin', passwordHash: FAKE_HASH })
    .returning();
  const [commitment] = await db
    .insert(commitments)
    .values({
      agendaId: agenda!.id,
      sectorId: sector!.id,
      reference: 'T-01',
      title: 'Test commitment',
      sourcePassage: 'A passage',
      leadOrgAId: orgA!.id,
      leadOrgBId: orgB!.id,
    })
    .returning();
  return { agenda: agenda!, sector: sector!, orgA: orgA!, orgB: orgB!, user: user!, commitment: commitment! };
}

/** The SQLSTATE of a failed statement, whichever driver raised it and however deep it is wrapped. */
export async function sqlStateOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return databaseCode(error);
  }
  return undefined;
}

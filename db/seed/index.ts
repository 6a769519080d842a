// The demo seed: the Islamabad agenda, one demo account per role and an illustrative history, into
// an empty database only, in one transaction (all of it or none of it).
import crypto from 'node:crypto';
import type { Database } from '@/db/connect';
import {
  agendaEvents, agendas, auditEvents, comments, commitments, evidenceLinks, indicatorReadings, indicators, organisations,
  reviews, sectors, statusUpdates, updateConfirmations, users,
} from '@/db/schema';
import { refreshConfirmedStage } from '@/db/queries/confirmations';
import { hashPassword } from '@/lib/passwords';
import { DEMO_PASSWORD } from './accounts';
import { DEFAULT_TODAY } from './history';
import { buildDemoRows } from './rows';

export class SeedRefusedError extends Error {
  override name = 'SeedRefusedError';
}

// A type alias, not an interface, so it stays assignable to Record<string, number>.
export type SeedSummary = {
  agendas: number;
  sectors: number;
  organisations: number;
  commitments: number;
  indicators: number;
  statusUpdates: number;
  comments: number;
  users: number;
};

export interface SeedOptions {
  /** The day the demo history runs up to (exclusive), YYYY-MM-DD. */
  today?: string;
  /** A ready argon2id hash of DEMO_PASSWORD, to skip hashing (tests). */
  passwordHash?: string;
}

type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
type Queryable = Database | Transaction;

/** True when there is no agenda, user, organisation or commitment: the only state the seed goes into. */
export async function isDatabaseEmpty(db: Queryable): Promise<boolean> {
  // One after the other: a transaction holds a single connection anyway.
  for (const table of [agendas, users, organisations, commitments]) {
    const rows = await db.select({ id: table.id }).from(table).limit(1);
    if (rows.length > 0) return false;
  }
  return true;
}

const CHUNK = 500;

// Set-based: one multi-row INSERT per table (per 500 rows), never one per row.
async function insertAll<T extends Parameters<Transaction['insert']>[0]>(
  tx: Transaction,
  table: T,
  rows: readonly T['$inferInsert'][],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx.insert(table).values(rows.slice(i, i + CHUNK));
  }
}

export async function seedDemoData(db: Database, options: SeedOptions = {}): Promise<SeedSummary> {
  const today = options.today ?? DEFAULT_TODAY;
  const passwordHash = options.passwordHash ?? (await hashPassword(DEMO_PASSWORD));
  const rows = buildDemoRows({ today, passwordHash, newId: () => crypto.randomUUID() });

  return db.transaction(async (tx) => {
    if (!(await isDatabaseEmpty(tx))) {
      throw new SeedRefusedError('The database already holds data; the demo seed only goes into an empty database.');
    }
    await insertAll(tx, organisations, rows.organisations);
    await insertAll(tx, users, rows.users);
    await insertAll(tx, agendas, rows.agendas);
    await insertAll(tx, agendaEvents, rows.agendaEvents);
    await insertAll(tx, reviews, rows.reviews);
    await insertAll(tx, sectors, rows.sectors);
    await insertAll(tx, commitments, rows.commitments);
    await insertAll(tx, indicators, rows.indicators);
    await insertAll(tx, statusUpdates, rows.statusUpdates);
    await insertAll(tx, indicatorReadings, rows.indicatorReadings);
    await insertAll(tx, evidenceLinks, rows.evidenceLinks);
    await insertAll(tx, updateConfirmations, rows.updateConfirmations);
    // The confirmed view follows from the decisions, as it does after each decision in the app.
    await refreshConfirmedStage({ db: tx, commitmentIds: 'all' });
    // Thread starters before replies: one statement each, so every parent exists before its replies.
    await insertAll(tx, comments, rows.comments.filter((c) => !c.parentId));
    await insertAll(tx, comments, rows.comments.filter((c) => c.parentId));

    const summary: SeedSummary = {
      agendas: rows.agendas.length,
      sectors: rows.sectors.length,
      organisations: rows.organisations.length,
      commitments: rows.commitments.length,
      indicators: rows.indicators.length,
      statusUpdates: rows.statusUpdates.length,
      comments: rows.comments.length,
      users: rows.users.length,
    };
    await tx.insert(auditEvents).values({
      actorId: null,
      actorLabel: 'system',
      action: 'seed.demo',
      entityType: 'database',
      entityId: null,
      after: summary,
    });
    return summary;
  });
}

import 'server-only';
import { and, asc, desc, eq, isNotNull, isNull, lte } from 'drizzle-orm';
import type { Database } from '../connect';
import { agendas, reviews, users } from '../schema';

const COLUMNS = {
  id: reviews.id,
  agendaId: reviews.agendaId,
  agendaSlug: agendas.slug,
  name: reviews.name,
  reviewOn: reviews.reviewOn,
  heldAt: reviews.heldAt,
  heldById: reviews.heldById,
  heldByName: users.name,
  createdAt: reviews.createdAt,
  updatedAt: reviews.updatedAt,
};

export type ReviewRow = {
  id: string;
  agendaId: string;
  agendaSlug: string;
  name: string;
  reviewOn: string;
  heldAt: Date | null;
  heldById: string | null;
  heldByName: string | null;
  createdAt: Date;
  updatedAt: Date;
};

function selectReviews(db: Database) {
  return db.select(COLUMNS).from(reviews).innerJoin(agendas, eq(agendas.id, reviews.agendaId)).leftJoin(users, eq(users.id, reviews.heldById));
}

/** Every review, by agenda and date (one agenda's when given). */
export function listReviews({ db, agendaId }: { db: Database; agendaId?: string }): Promise<ReviewRow[]> {
  return selectReviews(db)
    .where(agendaId ? eq(reviews.agendaId, agendaId) : undefined)
    .orderBy(asc(agendas.slug), asc(reviews.reviewOn), asc(reviews.name));
}

export async function getReview({ db, id }: { db: Database; id: string }): Promise<ReviewRow | undefined> {
  const [row] = await selectReviews(db).where(eq(reviews.id, id)).limit(1);
  return row;
}

/** The frozen briefing and PDF of a held review. */
export async function getFrozenBriefing({ db, id }: { db: Database; id: string }): Promise<{ briefing: unknown; pdf: Uint8Array | null } | undefined> {
  const [row] = await db.select({ briefing: reviews.briefing, pdf: reviews.pdf }).from(reviews).where(eq(reviews.id, id)).limit(1);
  return row;
}

/** The latest review of the agenda held on a day no later than `onOrBefore`: where a briefing to that day starts. */
export async function latestHeldReview({ db, agendaId, onOrBefore }: { db: Database; agendaId: string; onOrBefore: string }) {
  const [row] = await db
    .select({ id: reviews.id, name: reviews.name, reviewOn: reviews.reviewOn })
    .from(reviews)
    .where(and(eq(reviews.agendaId, agendaId), isNotNull(reviews.heldAt), lte(reviews.reviewOn, onOrBefore)))
    .orderBy(desc(reviews.reviewOn), desc(reviews.heldAt))
    .limit(1);
  return row;
}

export async function insertReview({ db, review }: { db: Database; review: { agendaId: string; name: string; reviewOn: string; createdById: string } }) {
  const [row] = await db.insert(reviews).values(review).returning({ id: reviews.id });
  return row!;
}

/** Renames or re-dates a review not yet held; undefined when it was held meanwhile. */
export async function updateReviewRow({ db, id, fields }: { db: Database; id: string; fields: { name?: string; reviewOn?: string } }) {
  const [row] = await db
    .update(reviews)
    .set({ ...fields, updatedAt: new Date() })
    .where(and(eq(reviews.id, id), isNull(reviews.heldAt)))
    .returning({ id: reviews.id });
  return row;
}

/** Holds a review: one conditional UPDATE, so of two holds at once exactly one lands. */
export async function markReviewHeld({ db, id, heldById, briefing, pdf }: { db: Database; id: string; heldById: string; briefing: unknown; pdf: Uint8Array }) {
  const [row] = await db
    .update(reviews)
    .set({ heldAt: new Date(), heldById, briefing, pdf, updatedAt: new Date() })
    .where(and(eq(reviews.id, id), isNull(reviews.heldAt)))
    .returning({ id: reviews.id, heldAt: reviews.heldAt });
  return row;
}

'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { type FormState, succeeded } from '@/lib/domain/form-state';
import { currentContext } from '@/lib/server/context';
import { errorState } from '@/lib/server/error-answers';
import { text } from '@/lib/server/forms/form-data';
import { createReview, holdReview, updateReview } from '@/lib/server/reviews';

export async function createReviewAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    const agendaId = text(form, 'agendaId');
    const review = await createReview(await currentContext(), { name: text(form, 'name'), date: text(form, 'date'), ...(agendaId ? { agendaId } : {}) });
    revalidatePath('/reviews');
    return succeeded({ message: { key: 'reviews.created' }, link: `/reviews/${review.id}` });
  } catch (error) {
    return errorState(error);
  }
}

export async function updateReviewAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    const id = text(form, 'id');
    await updateReview(await currentContext(), id, { name: text(form, 'name'), date: text(form, 'date') });
    revalidatePath(`/reviews/${id}`);
    return succeeded({ message: { key: 'reviews.saved' } });
  } catch (error) {
    return errorState(error);
  }
}

export async function holdReviewAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    const id = text(form, 'id');
    const h = await headers();
    const origin = process.env.AUTH_URL ? new URL(process.env.AUTH_URL).origin : `${h.get('x-forwarded-proto') ?? 'http'}://${h.get('host')}`;
    await holdReview(await currentContext(), id, {}, origin);
    revalidatePath(`/reviews/${id}`);
    return succeeded({ message: { key: 'reviews.heldDone' } });
  } catch (error) {
    return errorState(error);
  }
}

'use server';

import { revalidatePath } from 'next/cache';
import { type FormState, succeeded } from '@/lib/domain/form-state';
import { createSector, renameSector, setSectorArchive } from '@/lib/server/admin/sectors';
import { currentContext } from '@/lib/server/context';
import { errorState } from '@/lib/server/error-answers';
import { text } from '@/lib/server/forms/form-data';

export async function createSectorAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    const input = { name: text(form, 'name'), slug: text(form, 'slug'), colour: text(form, 'colour') };
    await createSector(await currentContext(), input);
    revalidatePath('/admin/sectors');
    return succeeded({ message: { key: 'admin.sectors.create.success', values: { name: input.name.trim() } } });
  } catch (error) {
    return errorState(error);
  }
}

export async function renameSectorAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    const result = await renameSector(await currentContext(), { id: text(form, 'id'), name: text(form, 'name') });
    revalidatePath('/admin/sectors');
    return succeeded({ message: { key: result.changed ? 'admin.sectors.edit.saved' : 'admin.sectors.edit.unchanged' } });
  } catch (error) {
    return errorState(error);
  }
}

export async function setSectorArchivedAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    const archive = text(form, 'archive') === 'true';
    const result = await setSectorArchive(await currentContext(), { id: text(form, 'id') }, archive);
    revalidatePath('/admin/sectors');
    const key = result.changed ? (archive ? 'archived' : 'restored') : archive ? 'alreadyArchived' : 'alreadyRestored';
    return succeeded({ message: { key: `admin.sectors.${key}`, values: { name: text(form, 'name') } } });
  } catch (error) {
    return errorState(error);
  }
}

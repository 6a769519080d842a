'use server';

import { revalidatePath } from 'next/cache';
import { type FormState, succeeded } from '@/lib/domain/form-state';
import { createAgenda, renameAgenda, setAgendaArchive } from '@/lib/server/admin/agendas';
import { currentContext } from '@/lib/server/context';
import { errorState } from '@/lib/server/error-answers';
import { text } from '@/lib/server/forms/form-data';

export async function createAgendaAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    const names = ['title', 'slug', 'partyA', 'partyB', 'signedOn', 'place', 'sourceTitle', 'sourceDocument', 'summary'] as const;
    const input = Object.fromEntries(names.map((name) => [name, text(form, name)]));
    await createAgenda(await currentContext(), input);
    revalidatePath('/admin/agendas');
    return succeeded({ message: { key: 'admin.agendas.create.success', values: { name: text(form, 'title').trim() } } });
  } catch (error) {
    return errorState(error);
  }
}

export async function renameAgendaAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    const result = await renameAgenda(await currentContext(), { id: text(form, 'id'), title: text(form, 'title') });
    revalidatePath('/admin/agendas');
    return succeeded({ message: { key: result.changed ? 'admin.agendas.edit.saved' : 'admin.agendas.edit.unchanged' } });
  } catch (error) {
    return errorState(error);
  }
}

export async function setAgendaArchivedAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    const archive = text(form, 'archive') === 'true';
    const result = await setAgendaArchive(await currentContext(), { id: text(form, 'id') }, archive);
    revalidatePath('/admin/agendas');
    const key = result.changed ? (archive ? 'archived' : 'restored') : archive ? 'alreadyArchived' : 'alreadyRestored';
    return succeeded({ message: { key: `admin.agendas.${key}`, values: { name: text(form, 'name') } } });
  } catch (error) {
    return errorState(error);
  }
}

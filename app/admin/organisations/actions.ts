'use server';

import { revalidatePath } from 'next/cache';
import { type FormState, succeeded } from '@/lib/domain/form-state';
import { createOrganisation, updateOrganisation } from '@/lib/server/admin/organisations';
import { currentContext } from '@/lib/server/context';
import { errorState } from '@/lib/server/error-answers';
import { text } from '@/lib/server/forms/form-data';

const fields = (form: FormData) => ({ name: text(form, 'name'), shortName: text(form, 'shortName'), country: text(form, 'country') });

export async function createOrganisationAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    const input = fields(form);
    await createOrganisation(await currentContext(), input);
    revalidatePath('/admin/organisations');
    return succeeded({ message: { key: 'admin.organisations.create.success', values: { name: input.name.trim() } } });
  } catch (error) {
    return errorState(error);
  }
}

export async function updateOrganisationAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    const result = await updateOrganisation(await currentContext(), { id: text(form, 'id'), ...fields(form) });
    revalidatePath('/admin/organisations');
    return succeeded({ message: { key: result.changed ? 'admin.organisations.edit.saved' : 'admin.organisations.edit.unchanged' } });
  } catch (error) {
    return errorState(error);
  }
}

'use server';

import { revalidatePath } from 'next/cache';
import { type AdminFormState, errorState, success, text } from '@/lib/server/admin/form-state';
import { createOrganisation, updateOrganisation } from '@/lib/server/admin/organisations';
import { currentContext } from '@/lib/server/context';

const fields = (form: FormData) => ({ name: text(form, 'name'), shortName: text(form, 'shortName'), country: text(form, 'country') });

export async function createOrganisationAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  try {
    const input = fields(form);
    await createOrganisation(await currentContext(), input);
    revalidatePath('/admin/organisations');
    return success({ key: 'admin.organisations.create.success', values: { name: input.name.trim() } });
  } catch (error) {
    return errorState(error);
  }
}

export async function updateOrganisationAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  try {
    const result = await updateOrganisation(await currentContext(), { id: text(form, 'id'), ...fields(form) });
    revalidatePath('/admin/organisations');
    return success({ key: result.changed ? 'admin.organisations.edit.saved' : 'admin.organisations.edit.unchanged' });
  } catch (error) {
    return errorState(error);
  }
}

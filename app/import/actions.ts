'use server';

import { redirect } from 'next/navigation';
import type { FormState } from '@/lib/domain/form-state';
import { currentContext } from '@/lib/server/context';
import { errorState } from '@/lib/server/error-answers';
import { applyImport, previewImport } from '@/lib/server/imports/imports';

/** Reads the chosen file into a preview and opens it: nothing of the file is applied yet. */
export async function previewImportAction(_prev: FormState, form: FormData): Promise<FormState> {
  let id: string;
  try {
    id = (await previewImport(await currentContext(), async () => {
      const file = form.get('file');
      if (!(file instanceof File) || file.size === 0) return { name: '', bytes: Buffer.alloc(0) };
      return { name: file.name, bytes: Buffer.from(await file.arrayBuffer()) };
    })).id;
  } catch (error) {
    // Whatever is wrong with the file is said beside the file input.
    return errorState(error, (_path, messages) => ['file', messages]);
  }
  redirect(`/import/${id}`);
}

export async function applyImportAction(id: string, _prev: FormState, _form: FormData): Promise<FormState> {
  try {
    await applyImport(await currentContext(), id);
  } catch (error) {
    return errorState(error, (path, messages) => [path, messages]);
  }
  redirect(`/import/${id}?applied=1`);
}

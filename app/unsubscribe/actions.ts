'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { clientAddress, userAgentOf } from '@/lib/server/client-address';
import { getDb } from '@/lib/server/db';
import { unsubscribe } from '@/lib/server/notifications/unsubscribe';

export async function unsubscribeAction(formData: FormData) {
  const requestHeaders = await headers();
  const result = await unsubscribe(await getDb(), String(formData.get('token') ?? ''), process.env.AUTH_SECRET ?? '', {
    address: clientAddress(requestHeaders), userAgent: userAgentOf(requestHeaders),
  });
  redirect(result.ok ? `/unsubscribe?done=${result.kind}` : '/unsubscribe?done=invalid');
}

import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';

type Messages = Awaited<ReturnType<typeof getMessages>>;

/** The parts of `messages` at the dotted `paths` ("signIn", "commitments.newForm"), nested as in the catalogue. */
function pickMessages(messages: Messages, paths: readonly string[]): Messages {
  const picked: Record<string, unknown> = {};
  for (const path of paths) {
    const keys = path.split('.');
    let from: unknown = messages;
    for (const key of keys) from = from && typeof from === 'object' ? (from as Record<string, unknown>)[key] : undefined;
    if (from === undefined) throw new Error(`No messages at "${path}"`);
    let into = picked;
    for (const key of keys.slice(0, -1)) into = (into[key] ??= {}) as Record<string, unknown>;
    into[keys.at(-1)!] = from;
  }
  return picked as Messages;
}

/**
 * Gives the client components below it the parts of the catalogue they read, and nothing else: the
 * catalogue is sent inside every page, so the dashboard, which has no translated client component,
 * carries none of it.
 */
export async function ClientMessages({ paths, children }: { paths: readonly string[]; children: ReactNode }) {
  return <NextIntlClientProvider messages={pickMessages(await getMessages(), paths)}>{children}</NextIntlClientProvider>;
}

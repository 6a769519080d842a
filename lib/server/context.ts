import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import type { Database } from '@/db/connect';
import type { TokenScope } from '@/db/queries/api-tokens';
import { readEnv } from '@/lib/env';
import { noteRequestUser } from '@/lib/request-scope';
import { clientAddress, userAgentOf } from './client-address';
import { getDb } from './db';
import { resolveViewer, type Viewer } from './session';

/** Who is asking, from where, and the database to ask: what every entry point starts from. */
export interface RequestContext {
  db: Database;
  viewer: Viewer | null;
  sourceAddress: string;
  userAgent: string | null;
  /** Set when an API token (Authorization: Bearer) is asking rather than a browser session. */
  token?: { id: string; scope: TokenScope };
}

export async function contextFromHeaders(requestHeaders: Headers, db?: Database): Promise<RequestContext> {
  const database = db ?? (await getDb());
  const viewer = await resolveViewer(database, requestHeaders.get('cookie'), readEnv().authSecret);
  noteRequestUser(viewer?.id);
  return { db: database, viewer, sourceAddress: clientAddress(requestHeaders), userAgent: userAgentOf(requestHeaders) };
}

/** The context of the current page render or server action, resolved once per request. */
export const currentContext = cache(async (): Promise<RequestContext> => contextFromHeaders(await headers()));

import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/connect';
import { selectRows } from '../../db/rows';
import { jsonRequest } from './app';

type Handler = (request: Request, route: { params: Promise<any> }) => Promise<Response>;

/** Calls a route handler the way Next does, with a Request and its dynamic params. */
export async function call(
  handler: Handler,
  method: string,
  path: string,
  options: { cookie?: string; body?: unknown; headers?: Record<string, string>; params?: Record<string, string> } = {},
) {
  const response = await handler(jsonRequest(method, path, options), { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text };
}

export async function commitmentId(handle: DatabaseHandle, reference: string): Promise<string> {
  const [row] = await selectRows<{ id: string }>(handle.db, sql`select id from commitments where reference = ${reference}`);
  if (!row) throw new Error(`No commitment ${reference}`);
  return row.id;
}

export async function indicatorIds(handle: DatabaseHandle, reference: string): Promise<string[]> {
  const rows = await selectRows<{ id: string }>(
    handle.db,
    sql`select i.id from indicators i join commitments c on c.id = i.commitment_id where c.reference = ${reference} order by i.position`,
  );
  return rows.map((r) => r.id);
}

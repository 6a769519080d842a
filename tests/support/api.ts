import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/connect';
import { selectRows } from '../../db/rows';
import { jsonRequest } from './app';
import type { Exchange } from './openapi';

let recorded: Exchange[] | undefined;

/** From now on, every answer `call` receives is kept in the list returned, for a check against the OpenAPI document. */
export function recordExchanges(): Exchange[] {
  recorded = [];
  return recorded;
}

/** Keeps an answer of a handler called some other way, when answers are being recorded. */
export function noteExchange(exchange: Exchange): void {
  recorded?.push(exchange);
}

/**
 * Any of the API's route handlers, whatever params it expects. Declared as a method so its
 * parameters compare both ways: a handler of `{ id: string }` fits, as it does for Next.
 */
export type RouteHandler = {
  handle(request: Request, route: { params: Promise<Record<string, string>> }): Promise<Response>;
}['handle'];

/** Calls a route handler the way Next does, with a Request and its dynamic params. */
export async function call(
  handler: RouteHandler,
  method: string,
  path: string,
  options: { cookie?: string; body?: unknown; headers?: Record<string, string>; params?: Record<string, string> } = {},
) {
  const response = await handler(jsonRequest(method, path, options), { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  const json = parseJson(text);
  noteExchange({ method, path, status: response.status, contentType: response.headers.get('content-type'), body: json });
  return { status: response.status, json, text };
}

/** The answer's JSON, untyped as `Response.json()` gives it, or undefined when the body is not JSON. */
function parseJson(text: string) {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
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

import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { openApiDocument } from '../../lib/server/openapi/document';

/** One answer of a route handler, as a test saw it. */
export interface Exchange {
  method: string;
  path: string;
  status: number;
  contentType: string | null;
  body: unknown;
}

type Doc = ReturnType<typeof openApiDocument>;
type Operation = { responses?: Record<string, { content?: Record<string, { schema?: object }> }> };

const API_BASE = '/api/v1';

/** The document's path template that a concrete path falls under: a literal one first (`/commitments.csv` before `/{id}`). */
export function templateOf(doc: Doc, path: string): string | undefined {
  const bare = path.split('?')[0]!.replace(API_BASE, '') || '/';
  const templates = Object.keys(doc.paths ?? {}).sort((a, b) => Number(a.includes('{')) - Number(b.includes('{')));
  return templates.find((t) => new RegExp(`^${t.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`).test(bare));
}

/**
 * A checker of answers against the OpenAPI document: each answer's path, method, status and type
 * must be documented, and its JSON must validate against the documented schema (JSON Schema 2020-12,
 * which OpenAPI 3.1 uses, with formats such as date-time and uuid checked).
 */
export function documentChecker() {
  const doc = openApiDocument();
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const compiled = new Map<string, ValidateFunction>();

  return function problemsOf(exchange: Exchange): string[] {
    const label = `${exchange.method} ${exchange.path} → ${exchange.status}`;
    const template = templateOf(doc, exchange.path);
    if (!template) return [`${label}: no documented path`];
    const operation = (doc.paths![template] as Record<string, Operation>)[exchange.method.toLowerCase()];
    // A method the endpoint does not serve answers 405, which only the served ones can document.
    if (!operation) return exchange.status === 405 ? [] : [`${label}: method not documented`];
    const response = operation.responses?.[String(exchange.status)];
    if (!response) return [`${label}: status not documented`];
    const type = exchange.contentType?.split(';')[0]!.trim() ?? '';
    const media = response.content?.[type];
    if (!media) return [`${label}: content type ${type} not documented`];
    if (type !== 'application/json') return [];
    const key = `${template} ${exchange.method} ${exchange.status}`;
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile({ ...media.schema, components: doc.components });
      compiled.set(key, validate);
    }
    if (validate(exchange.body)) return [];
    return (validate.errors ?? []).map((e) => `${label}: ${e.instancePath || '(root)'} ${e.message}`);
  };
}

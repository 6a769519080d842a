import { IncomingMessage } from 'node:http';

// Forms posted to pages (server actions) are decoded by Next, which turns bytes that are not UTF-8
// into U+FFFD and stores them so. They are read here first, refused when they are not text, and
// handed on as they arrived. The API's JSON bodies are checked by the app itself (lib/server/api.ts).
const FORM_TYPES = ['multipart/form-data', 'application/x-www-form-urlencoded', 'text/plain'];

/**
 * Whether a request carries a form body for a page, which must be UTF-8 text. The import page's form
 * carries a file, which may be binary (XLSX): the import reads and checks it itself.
 */
export function isPageForm(req: IncomingMessage, pathname: string): boolean {
  if (req.method !== 'POST' || pathname.startsWith('/api/') || pathname === '/import') return false;
  const type = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase() ?? '';
  const announced = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  return announced && FORM_TYPES.includes(type);
}

/** The whole body, or undefined when the client went away or sent more than `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        resolve(undefined);
      } else chunks.push(chunk);
    });
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', () => resolve(undefined));
    req.once('close', () => resolve(req.complete ? Buffer.concat(chunks) : undefined));
  });
}

/** True when the body is UTF-8 throughout, percent-escapes of a URL-encoded form included. */
export function isUtf8Form(body: Buffer, contentType: string | undefined): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return false;
  }
  if (!contentType?.toLowerCase().startsWith('application/x-www-form-urlencoded')) return true;
  try {
    for (const part of text.split('&')) decodeURIComponent(part.replace(/\+/g, ' '));
    return true;
  } catch {
    return false;
  }
}

/** A request the app can read as if nobody had: the same head, the body already in it. */
export function replayRequest(req: IncomingMessage, body: Buffer): IncomingMessage {
  const copy = new IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  copy.headers = req.headers;
  copy.rawHeaders = req.rawHeaders;
  copy.push(body);
  copy.push(null);
  copy.complete = true;
  return copy;
}

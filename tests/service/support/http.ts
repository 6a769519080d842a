import http from 'node:http';
import net from 'node:net';

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Milliseconds from the first byte sent to the connection's close (or the timeout). */
  ms: number;
  closed: boolean;
}

/**
 * Sends bytes exactly as given (a string is sent as UTF-8) over a socket of its own (no client library to correct a method,
 * a path or a length), optionally more bytes later, and reads the answer until the server closes.
 */
export function rawRequest(port: number, head: string | Buffer, options: { later?: { afterMs: number; bytes: string }; timeoutMs?: number } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const started = Date.now();
    let received = Buffer.alloc(0);
    const finish = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      const end = received.indexOf('\r\n\r\n');
      const top = (end === -1 ? received : received.subarray(0, end)).toString();
      const rest = end === -1 ? Buffer.alloc(0) : received.subarray(end + 4);
      const [statusLine = '', ...headerLines] = top.split('\r\n');
      const headers = Object.fromEntries(headerLines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      const body = headers['transfer-encoding'] === 'chunked' ? dechunk(rest) : rest.toString();
      resolve({ status: Number(statusLine.split(' ')[1] ?? 0), headers, body, ms: Date.now() - started, closed });
    };
    const timer = setTimeout(() => finish(false), options.timeoutMs ?? 20_000);
    socket.on('data', (chunk: Buffer) => (received = Buffer.concat([received, chunk])));
    socket.on('close', () => finish(true));
    socket.on('error', reject);
    socket.write(head);
    if (options.later) setTimeout(() => socket.writable && socket.write(options.later!.bytes), options.later.afterMs);
  });
}

/** A chunked body's content, as far as it arrived. */
function dechunk(data: Buffer): string {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at);
    if (lineEnd === -1) break;
    const size = parseInt(data.subarray(at, lineEnd).toString(), 16);
    if (!size) break;
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts).toString();
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request with node's http module: headers as given, no cookies or redirects handled for us. */
export function request(port: number, method: string, path: string, options: { headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers: { host: `localhost:${port}`, ...options.headers }, agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

function cookiesOf(answer: Answer): string[] {
  return (answer.headers['set-cookie'] ?? []).map((cookie) => cookie.split(';')[0]!);
}

export interface SignInAttempt {
  /** The session cookie (name=value) when the sign-in succeeded. */
  session?: string;
  status: number;
  /** Every secret that travelled: the CSRF token and cookies, for tests that look for leaks. */
  secrets: string[];
}

/** Signs in through next-auth's own endpoints, as the sign-in form does. */
export async function signIn(port: number, email: string, password: string, headers: Record<string, string> = {}): Promise<SignInAttempt> {
  const csrf = await request(port, 'GET', '/api/auth/csrf', { headers });
  const csrfToken = (JSON.parse(csrf.body) as { csrfToken: string }).csrfToken;
  const cookies = cookiesOf(csrf);
  const form = new URLSearchParams({ csrfToken, email, password, callbackUrl: '/' }).toString();
  const answer = await request(port, 'POST', '/api/auth/callback/credentials', {
    headers: { ...headers, cookie: cookies.join('; '), 'content-type': 'application/x-www-form-urlencoded' },
    body: form,
  });
  const session = cookiesOf(answer).find((cookie) => /session-token=./.test(cookie));
  const values = [...cookies, ...cookiesOf(answer)].map((cookie) => cookie.slice(cookie.indexOf('=') + 1)).filter((v) => v.length >= 16);
  return { session, status: answer.status, secrets: [csrfToken, ...values] };
}

/**
 * The hidden fields of the first form on a page that holds `containing` (React renders a form bound
 * to a server action with its own), for posting it as a browser without JavaScript does.
 */
export function hiddenFields(html: string, containing: string): Record<string, string> {
  const form = html.split('<form').slice(1).map((part) => part.slice(0, part.indexOf('</form>'))).find((part) => part.includes(containing));
  if (!form) throw new Error(`No form with ${containing} on the page`);
  const fields: Record<string, string> = {};
  for (const [input] of form.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(input)?.[1];
    if (name) fields[name] = unescapeHtml(/value="([^"]*)"/.exec(input)?.[1] ?? '');
  }
  return fields;
}

function unescapeHtml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Posts a form as multipart/form-data, each value sent as the bytes given (a string as UTF-8). */
export function postForm(port: number, path: string, fields: Record<string, string | Buffer>, headers: Record<string, string> = {}): Promise<Answer> {
  const boundary = `----agenda-test-${Date.now()}`;
  const parts = Object.entries(fields).map(([name, value]) =>
    Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`), Buffer.from(value), Buffer.from('\r\n')]),
  );
  return request(port, 'POST', path, {
    headers: { origin: `http://localhost:${port}`, 'content-type': `multipart/form-data; boundary=${boundary}`, ...headers },
    body: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
  });
}

/** Signs a session out through next-auth's endpoint, as the sign-out button does. */
export async function signOut(port: number, session: string): Promise<void> {
  const csrf = await request(port, 'GET', '/api/auth/csrf');
  const csrfToken = (JSON.parse(csrf.body) as { csrfToken: string }).csrfToken;
  const answer = await request(port, 'POST', '/api/auth/signout', {
    headers: { cookie: [...cookiesOf(csrf), session].join('; '), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken }).toString(),
  });
  if (answer.status >= 400) throw new Error(`Sign-out answered ${answer.status}`);
}

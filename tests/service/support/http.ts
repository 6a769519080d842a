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
 * Sends bytes exactly as given over a socket of its own (no client library to correct a method,
 * a path or a length), optionally more bytes later, and reads the answer until the server closes.
 */
export function rawRequest(port: number, head: string, options: { later?: { afterMs: number; bytes: string }; timeoutMs?: number } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const started = Date.now();
    let received = '';
    const finish = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      const [top = '', ...rest] = received.split('\r\n\r\n');
      const [statusLine = '', ...headerLines] = top.split('\r\n');
      const headers = Object.fromEntries(headerLines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1] ?? 0), headers, body: rest.join('\r\n\r\n'), ms: Date.now() - started, closed });
    };
    const timer = setTimeout(() => finish(false), options.timeoutMs ?? 20_000);
    socket.on('data', (chunk) => (received += chunk.toString()));
    socket.on('close', () => finish(true));
    socket.on('error', reject);
    socket.write(head);
    if (options.later) setTimeout(() => socket.writable && socket.write(options.later!.bytes), options.later.afterMs);
  });
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request with node's http module: headers as given, no cookies or redirects handled for us. */
export function request(port: number, method: string, path: string, options: { headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
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

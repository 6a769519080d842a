import http from 'node:http';
import zlib from 'node:zlib';

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

export interface Timing {
  status: number;
  /** Time to the first byte of the body. */
  ttfb: number;
  /** Time to the last byte. */
  total: number;
  bytes: number;
  body: string;
}

/** One GET over a kept-alive connection, timed to its first body byte and to its end. */
export function timedGet(url: string, cookie?: string): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.get(url, { agent, headers: cookie ? { cookie, 'accept-encoding': 'identity' } : { 'accept-encoding': 'identity' } }, (res) => {
      let ttfb = 0;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => {
        if (!ttfb) ttfb = performance.now() - started;
        chunks.push(chunk);
      });
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, ttfb: ttfb || performance.now() - started, total: performance.now() - started, bytes: body.length, body: body.toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

export interface JsBytes {
  /** Scripts the page's HTML loads (<script src>, without the noModule polyfills modern browsers skip). */
  initial: { files: number; raw: number; gzip: number };
  /** noModule polyfills: fetched only by browsers without ES modules. */
  noModule: { files: number; raw: number; gzip: number };
  /**
   * Chunks the initial scripts can load later on their own (code split off with dynamic import): an upper
   * bound, since a shared chunk may also name chunks only other pages load.
   */
  lazy: { files: number; raw: number; gzip: number };
}

// Turbopack names lazily loaded chunks as "static/chunks/<name>.js" inside the loaded code.
const CHUNK_PATH = /(?:\/?_next\/)?static\/chunks\/[\w.-]+\.js/g;

/** Fetches the page's scripts and every chunk they name, gzips each (zlib, level 9) and adds up the bytes. */
export async function measureJs(origin: string, html: string): Promise<JsBytes> {
  const tags = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)];
  const initial = new Set<string>();
  const noModule = new Set<string>();
  for (const [tag, src] of tags) (/\bnoModule\b/i.test(tag) ? noModule : initial).add(src!.startsWith('/') ? src! : `/${src}`);
  const sizes = new Map<string, { raw: number; gzip: number; text: string }>();
  const fetchOne = async (src: string) => {
    if (sizes.has(src)) return sizes.get(src)!;
    const res = await fetch(`${origin}${src}`);
    const buf = Buffer.from(await res.arrayBuffer());
    const entry = { raw: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length, text: buf.toString('utf8') };
    sizes.set(src, entry);
    return entry;
  };
  const total = async (set: Set<string>) => {
    let raw = 0;
    let gzip = 0;
    for (const src of set) {
      const s = await fetchOne(src);
      raw += s.raw;
      gzip += s.gzip;
    }
    return { files: set.size, raw, gzip };
  };
  const initialTotal = await total(initial);
  const noModuleTotal = await total(noModule);
  // Follow chunk names found in the loaded code, transitively.
  const lazy = new Set<string>();
  const queue = [...initial];
  while (queue.length) {
    const { text } = await fetchOne(queue.shift()!);
    for (const [m] of text.matchAll(CHUNK_PATH)) {
      const src = `/_next/${m.slice(m.indexOf('static/'))}`;
      if (initial.has(src) || noModule.has(src) || lazy.has(src)) continue;
      lazy.add(src);
      queue.push(src);
    }
  }
  return { initial: initialTotal, noModule: noModuleTotal, lazy: await total(lazy) };
}

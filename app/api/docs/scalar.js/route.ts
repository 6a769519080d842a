import { readFile } from 'node:fs/promises';
import path from 'node:path';

// The reference page's script, served from this site so the page works without reaching a CDN and
// under `script-src 'self'`: the standalone build of @scalar/api-reference (whose exports do not
// name it), read once per process from the installed package.
let script: Promise<Buffer> | undefined;

export async function GET(): Promise<Response> {
  script ??= readFile(path.join(process.cwd(), 'node_modules', '@scalar', 'api-reference', 'dist', 'browser', 'standalone.js'));
  return new Response(new Uint8Array(await script), {
    headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=3600' },
  });
}

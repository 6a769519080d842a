import { readFile } from 'node:fs/promises';
import path from 'node:path';

// The reference page's script, served from this site so the page works without reaching a CDN and
// under `script-src 'self'`: the standalone build of @scalar/api-reference (whose exports do not
// name it), read once per process from the installed package.
let script: Promise<Buffer> | undefined;

// The zod inside the bundle probes whether it may compile validators with `Function('')`, which the
// policy forbids (a reported violation, then a fallback): told to run without compiling, it does not probe.
const NO_EVAL = Buffer.from('globalThis.__zod_globalConfig = { ...globalThis.__zod_globalConfig, jitless: true };\n');

async function load(): Promise<Buffer> {
  const bundle = await readFile(path.join(process.cwd(), 'node_modules', '@scalar', 'api-reference', 'dist', 'browser', 'standalone.js'));
  return Buffer.concat([NO_EVAL, bundle]);
}

export async function GET(): Promise<Response> {
  script ??= load();
  return new Response(new Uint8Array(await script), {
    headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=3600' },
  });
}

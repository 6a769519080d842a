import fs from 'node:fs';
import path from 'node:path';

interface Manifest {
  staticRoutes?: { page: string }[];
  dynamicRoutes?: { page: string; regex: string }[];
}

export type RoutePattern = (pathname: string) => string | null;

/**
 * Maps a request path to the route it reached (`/commitments/[id]`), from the build's own routes
 * manifest, so that log lines group by page rather than by every id. Paths that match no route
 * (and the framework's assets) get a fixed label instead of the path, which a client chooses.
 */
export function routePatterns(distDir: string): RoutePattern {
  const manifest = readManifest(distDir);
  const statics = new Set((manifest.staticRoutes ?? []).map((route) => route.page));
  const dynamics = (manifest.dynamicRoutes ?? []).map((route) => ({ page: route.page, regex: new RegExp(route.regex) }));
  return (pathname) => {
    const trimmed = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
    if (statics.has(trimmed)) return trimmed;
    if (trimmed.startsWith('/_next/')) return '/_next/[asset]';
    return dynamics.find((route) => route.regex.test(trimmed))?.page ?? null;
  };
}

function readManifest(distDir: string): Manifest {
  // Production builds have it at the top; the development server writes its own under dev/.
  for (const file of [path.join(distDir, 'routes-manifest.json'), path.join(distDir, 'dev', 'routes-manifest.json')]) {
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
    } catch {
      // Not there (yet): try the next, or log without patterns.
    }
  }
  return {};
}

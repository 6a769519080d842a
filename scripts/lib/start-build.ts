import { spawn } from 'node:child_process';
import path from 'node:path';
import { acquireBuildLock } from './build-lock';
import { isBuildCurrent, sourceHash, stampBuild } from './build';

const root = path.resolve('.');
const distDir = path.join(root, process.env.NEXT_DIST_DIR || '.next');
let hash: string | undefined;

/** True when the production build in the dist folder was made from the current sources. */
function buildIsCurrent(options: { stamp?: boolean } = {}): boolean {
  hash ??= sourceHash(root);
  if (options.stamp) {
    stampBuild(distDir, hash);
    return true;
  }
  return isBuildCurrent(distDir, hash);
}

/**
 * Builds the app when the sources changed since the last build. Processes that start together
 * take turns under a lock; the ones that waited find the build done and reuse it.
 */
export async function ensureBuild(log: (line: string) => void, signal?: AbortSignal): Promise<'current' | 'built'> {
  if (buildIsCurrent()) return 'current';
  const release = await acquireBuildLock(`${distDir}.build-lock`, (holder) =>
    log(`Waiting for the build another process (pid ${holder}) is making…`),
  );
  try {
    if (buildIsCurrent()) return 'current';
    log('Building the app (first start, or the code changed)…');
    const code = await new Promise<number | null>((resolve, reject) => {
      const build = spawn(process.execPath, [require.resolve('next/dist/bin/next'), 'build'], {
        cwd: root,
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
        // A server told to stop while it builds stops the build too: no build outlives its lock.
        signal,
        killSignal: 'SIGTERM',
      });
      build.on('error', (error) => reject(signal?.aborted ? new Error('The build was stopped.') : error));
      build.on('exit', resolve);
    });
    if (code !== 0) throw new Error('The build failed; see the messages above.');
    buildIsCurrent({ stamp: true });
    return 'built';
  } finally {
    release();
  }
}

export function distFolder(): string {
  return distDir;
}

import path from 'node:path';
import { isBuildCurrent, sourceHash, stampBuild } from './build';

const root = path.resolve('.');
const distDir = path.join(root, process.env.NEXT_DIST_DIR || '.next');
let hash: string | undefined;

/** True when the production build in the dist folder was made from the current sources. */
export function buildIsCurrent(options: { stamp?: boolean } = {}): boolean {
  hash ??= sourceHash(root);
  if (options.stamp) {
    stampBuild(distDir, hash);
    return true;
  }
  return isBuildCurrent(distDir, hash);
}

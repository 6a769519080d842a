import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// What a production build is made from. A change to any of these means the build is out of date.
const SOURCE_DIRS = ['app', 'components', 'lib', 'db', 'i18n', 'messages', 'public'];
const SOURCE_FILES = ['next.config.mjs', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json', 'proxy.ts', 'auth.ts'];
const STAMP = 'source-hash';

export function sourceHash(root: string): string {
  const hash = crypto.createHash('sha256');
  const files: string[] = [];
  for (const dir of SOURCE_DIRS) collect(path.join(root, dir), files);
  for (const file of SOURCE_FILES) if (fs.existsSync(path.join(root, file))) files.push(path.join(root, file));
  for (const file of files.sort()) {
    hash.update(path.relative(root, file));
    hash.update('\0');
    hash.update(fs.readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function collect(dir: string, out: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) collect(full, out);
    else if (entry.isFile()) out.push(full);
  }
}

export function isBuildCurrent(distDir: string, hash: string): boolean {
  try {
    return (
      fs.existsSync(path.join(distDir, 'BUILD_ID')) && fs.readFileSync(path.join(distDir, STAMP), 'utf8').trim() === hash
    );
  } catch {
    return false;
  }
}

export function stampBuild(distDir: string, hash: string): void {
  fs.writeFileSync(path.join(distDir, STAMP), `${hash}\n`);
}

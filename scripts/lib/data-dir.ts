import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CliError } from './cli';

// PGlite has no lock of its own: two processes on one folder corrupt it. The process that serves
// (or seeds, or migrates) the folder writes its pid here; others refuse while that pid is alive.
export function acquireDataDirLock(dataDir: string, whileRunning = 'stop it first, or set DATA_DIR to another folder'): () => void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const lockFile = path.join(dataDir, 'server.pid');
  const holder = readLivePid(lockFile);
  if (holder !== undefined && holder !== process.pid) {
    throw new CliError(
      `The embedded database in ${dataDir} is in use by another process (pid ${holder}): ${whileRunning}.`,
    );
  }
  fs.writeFileSync(lockFile, String(process.pid));
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (readLivePid(lockFile) === process.pid) fs.rmSync(lockFile, { force: true });
  };
}

function readLivePid(lockFile: string): number | undefined {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(lockFile, 'utf8').trim());
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else; it still holds the folder.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : undefined;
  }
}

/** The embedded set-up makes its own auth secret once and keeps it beside the database. */
export function loadOrCreateAuthSecret(dataDir: string): string {
  const file = path.join(dataDir, 'auth-secret');
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = crypto.randomBytes(33).toString('base64');
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

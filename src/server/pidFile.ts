// The PGlite folder's owner: the server writes its process id into the folder while it runs, so
// the command line does not open the same embedded database a second time.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PID_FILE = 'atlas-server.pid';

export function writePidFile(dataDir: string): () => void {
  const path = join(dataDir, PID_FILE);
  writeFileSync(path, String(process.pid));
  return () => rmSync(path, { force: true });
}

/** The process id of a server that has `dataDir` open, or null (none, or it died). */
export function runningServerPid(dataDir: string): number | null {
  let pid: number;
  try {
    pid = Number(readFileSync(join(dataDir, PID_FILE), 'utf8'));
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

// One process at a time on an embedded data folder: two PGlite instances on the same files each keep
// their own buffers and WAL, and whatever the second one writes throws away what the first had
// acknowledged. The lock is a file beside the folder holding the owner's pid, created atomically.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';

/** Another live process has the folder open. */
export class DataDirInUseError extends Error {
  constructor(
    readonly folder: string,
    readonly pid: number,
  ) {
    super(
      `the database in ${folder} is in use by process ${pid}; stop it or use the API (trakt … --url http://<host>:<port> --token <API token>)`,
    );
    this.name = 'DataDirInUseError';
  }
}

const held = new Set<string>();
process.once('exit', () => {
  for (const path of held) removeIfOurs(path);
});

function ownerOf(path: string): number | null {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** True when the pid is a running process that could be holding the lock. */
function alive(pid: number, path: string): boolean {
  // our own pid on a lock this process does not hold: left by an earlier life of a container's pid 1
  if (pid === process.pid) return held.has(path);
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, but someone else's
  }
}

function createExclusive(path: string): boolean {
  try {
    const fd = openSync(path, 'wx', 0o644);
    writeSync(fd, `${process.pid}\n`);
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function removeIfOurs(path: string) {
  try {
    if (ownerOf(path) === process.pid) unlinkSync(path);
  } catch {
    // already gone
  }
}

/**
 * Takes the lock `<folder>.lock`, or throws DataDirInUseError naming the live owner. A lock left by a
 * process that died (kill -9, power loss) is taken over. `shown` is the folder as the user named it.
 */
export function lockDataDir(folder: string, shown: string): () => void {
  const path = `${folder}.lock`;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (createExclusive(path)) {
      held.add(path);
      return () => {
        held.delete(path);
        removeIfOurs(path);
      };
    }
    const pid = ownerOf(path);
    if (pid !== null && alive(pid, path)) throw new DataDirInUseError(shown, pid);
    // Stale (or half-written by a process that died between creating and writing it). A guard file
    // makes the look-then-remove atomic between two processes taking it over at the same moment.
    const guard = `${path}.takeover`;
    if (!createExclusive(guard)) {
      const guardPid = ownerOf(guard);
      if (guardPid === null || !alive(guardPid, guard)) unlinkQuietly(guard);
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100); // another process is taking over: give it a moment
      continue;
    }
    try {
      if (ownerOf(path) === pid) unlinkQuietly(path);
    } finally {
      unlinkQuietly(guard);
    }
  }
  const pid = ownerOf(path);
  throw new DataDirInUseError(shown, pid ?? 0);
}

function unlinkQuietly(path: string) {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

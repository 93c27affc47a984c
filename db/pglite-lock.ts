import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";

/**
 * Two processes writing one PGlite folder corrupt it without any error, so the folder is guarded
 * by a lock file holding the owner's pid. A lock left by a dead process is taken over.
 */
export function lockDataFolder(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const lockPath = `${dir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(readFileSync(lockPath, "utf8").trim());
      if (owner === process.pid) return () => rmSync(lockPath, { force: true });
      if (owner && isAlive(owner)) {
        throw new Error(
          `The embedded database in ${dir} is already open in process ${owner}. ` +
            `Stop that process, point CAIRN_DATA_DIR at another folder, or set DATABASE_URL ` +
            `to run several instances on one PostgreSQL server.`,
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock the embedded database folder ${dir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

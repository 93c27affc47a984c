/** Rows per statement: well under PostgreSQL's 65,535 parameters for the widest table (items). */
export const INSERT_CHUNK = 1_000;

/** Runs `write` on the rows a chunk at a time (one statement per chunk), in order: inserts, or bulk updates. */
export async function insertChunked<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) await write(rows.slice(i, i + INSERT_CHUNK));
}

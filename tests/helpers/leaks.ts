/** Things that must never reach a client: stack frames, file paths, SQL, driver messages. */
export const LEAKS: readonly RegExp[] = [
  /\bat\s+\S+\s+\(/, // a stack frame: "at fn (file:line)"
  /\.(?:ts|js|mjs):\d+/,
  /node_modules/,
  /\b(?:select|insert into|update|delete from)\b[^.]*\b(?:from|set|values|where)\b/i,
  /violates|constraint|duplicate key|syntax error|relation "/i,
  /DrizzleQueryError|PostgresError|Failed query/i,
];

/**
 * The origin people reach the app at, for links in mail written outside any request (a worker, a
 * comment's transaction): AUTH_URL when set, as every deployment behind a domain must set it.
 */
export function appOrigin(): string {
  if (process.env.AUTH_URL) return new URL(process.env.AUTH_URL).origin;
  return `http://localhost:${process.env.PORT ?? 3000}`;
}

/**
 * Whether a path segment can name a row: ids are UUIDs, so anything else names nothing and answers
 * 404 before the database is asked (it would refuse to compare a uuid column with it).
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

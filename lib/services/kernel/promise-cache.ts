/**
 * A small least-recently-used map of promises by key. Holding the promise lets concurrent identical
 * requests share one computation; a computation that fails is forgotten, so the next call retries.
 * Keys must name everything the value depends on (e.g. a roadmap's change sequence number), so an
 * entry is never stale: a changed input is a new key, and old entries age out.
 */
export function promiseCache<T>(capacity: number) {
  const entries = new Map<string, Promise<T>>();
  return {
    get(key: string, compute: () => Promise<T>): Promise<T> {
      const hit = entries.get(key);
      if (hit) {
        // Most recently used last: Map keeps insertion order.
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      const pending = compute();
      entries.set(key, pending);
      while (entries.size > capacity) entries.delete(entries.keys().next().value!);
      pending.catch(() => {
        if (entries.get(key) === pending) entries.delete(key);
      });
      return pending;
    },
    /** Forgets `key` if it still holds `pending` (e.g. a computation given up on before it settled). */
    forget(key: string, pending: Promise<T>): void {
      if (entries.get(key) === pending) entries.delete(key);
    },
    clear(): void {
      entries.clear();
    },
  };
}

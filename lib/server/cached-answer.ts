// Conditional GET and a per-process cache of serialised (and compressed) answers, for reads whose
// whole answer is named by a tag the caller can check cheaply first: a roadmap's board is named by
// its sequence number (every write moves it, on any instance) and the reader's role. The handler
// checks the caller's access and reads the tag on every request; only then is the cache consulted.
import type { Endpoint } from "@/lib/validation/endpoint";
import { ByteLru } from "./byte-lru";
import { compress, negotiateCoding, type Coding } from "./encoding";
import { checkResponse } from "./response-check";

interface Entry {
  etag: string;
  identity: Buffer;
  /** Compressed forms, made when a client first asks for one. */
  coded: Partial<Record<Exclude<Coding, "identity">, Promise<Buffer>>>;
  codedBytes: number;
}

/** 32 MiB unless CAIRN_ANSWER_CACHE_BYTES says otherwise: about 60 boards of 1,000 items with their codings. */
export const DEFAULT_ANSWER_CACHE_BYTES = 32 * 1024 * 1024;

function capFromEnvironment(): number {
  const raw = Number(process.env.CAIRN_ANSWER_CACHE_BYTES);
  return Number.isFinite(raw) && raw >= 0 ? raw : DEFAULT_ANSWER_CACHE_BYTES;
}

export class AnswerCache {
  readonly entries: ByteLru<Entry>;
  /** Loads in flight, so that readers arriving together after a write share one. */
  private readonly loading = new Map<string, Promise<{ key: string; entry: Entry }>>();

  constructor(capBytes: number) {
    this.entries = new ByteLru<Entry>(capBytes, (e) => e.identity.length + e.codedBytes + 200);
  }

  /**
   * The answer for `name` at `tag` (the caller's access already checked): 304 when If-None-Match
   * names it, the cached bytes when this process has them, else `load`'s answer, cached under the
   * tag it reports (which may be newer than `tag` when a write landed in between, never older).
   */
  async answer(
    req: Request,
    endpoint: Endpoint,
    name: string,
    tag: string,
    load: () => Promise<{ tag: string; body: unknown }>,
  ): Promise<Response> {
    const etag = `W/"${tag}"`;
    if (matchesIfNoneMatch(req.headers.get("if-none-match"), etag)) {
      return new Response(null, { status: 304, headers: headersFor(etag) });
    }
    const key = `${name}|${tag}`;
    const cached = this.entries.get(key);
    const { key: stored, entry } = cached
      ? { key, entry: cached }
      : await this.loadShared(key, endpoint, name, load);
    const coding = canSendCoded() ? negotiateCoding(req.headers.get("accept-encoding")) : "identity";
    const headers = headersFor(entry.etag);
    headers.set("content-type", "application/json");
    if (coding === "identity") return new Response(new Uint8Array(entry.identity), { headers });
    headers.set("content-encoding", coding);
    headers.set("x-cairn-content-encoding", coding);
    return new Response(new Uint8Array(await this.coded(stored, entry, coding)), { headers });
  }

  private loadShared(
    key: string,
    endpoint: Endpoint,
    name: string,
    load: () => Promise<{ tag: string; body: unknown }>,
  ) {
    let pending = this.loading.get(key);
    if (!pending) {
      pending = load().then(({ tag, body }) => {
        if (CHECK_RESPONSES) checkResponse(endpoint, body);
        const entry: Entry = {
          etag: `W/"${tag}"`,
          identity: Buffer.from(JSON.stringify(body)),
          coded: {},
          codedBytes: 0,
        };
        const storedKey = `${name}|${tag}`;
        this.entries.set(storedKey, entry);
        return { key: storedKey, entry };
      });
      const done = () => this.loading.delete(key);
      pending.then(done, done);
      this.loading.set(key, pending);
    }
    return pending;
  }

  private coded(key: string, entry: Entry, coding: Exclude<Coding, "identity">): Promise<Buffer> {
    let pending = entry.coded[coding];
    if (!pending) {
      pending = compress(entry.identity, coding);
      entry.coded[coding] = pending;
      pending.then(
        (bytes) => {
          entry.codedBytes += bytes.length;
          this.entries.resize(key);
        },
        () => delete entry.coded[coding],
      );
    }
    return pending;
  }
}

/**
 * Whether a compressed body reaches the client with its Content-Encoding. Next drops that header
 * from a route handler's Response, so inside Next only Cairn's server (scripts/start.mjs, which
 * restores it from X-Cairn-Content-Encoding) can send one; elsewhere (`next start`) the answer goes
 * out as JSON and Next compresses it per request. Outside Next (tests, scripts) the Response is used
 * as it is.
 */
function canSendCoded(): boolean {
  if (!process.env.NEXT_RUNTIME) return true;
  return (globalThis as Record<symbol, unknown>)[Symbol.for("cairn.server.passesContentEncoding")] === true;
}

/** Answers are parsed against their response schema outside production, as route() does. */
const CHECK_RESPONSES = process.env.NODE_ENV !== "production";

function headersFor(etag: string): Headers {
  // no-cache (not no-store): a browser may keep the answer but asks each time, with If-None-Match.
  return new Headers({ etag, vary: "Accept-Encoding", "cache-control": "private, no-cache" });
}

/** Weak comparison (RFC 9110 13.1.2): W/"x" and "x" match; `*` matches any current answer. */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  const opaque = (t: string) => t.trim().replace(/^W\//, "");
  const wanted = opaque(etag);
  return header.split(",").some((t) => t.trim() === "*" || opaque(t) === wanted);
}

const SHARED = Symbol.for("cairn.answerCache");

/** The process's one answer cache: every route bundle shares it (and its byte cap). */
export function answerCache(): AnswerCache {
  const shared = globalThis as unknown as Record<symbol, AnswerCache | undefined>;
  return (shared[SHARED] ??= new AnswerCache(capFromEnvironment()));
}

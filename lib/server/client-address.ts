import { AsyncLocalStorage } from "node:async_hooks";
import { addressBucket } from "./ip-address";
import { clientAddressFrom, parseTrustedProxies, type TrustedProxies } from "./trusted-proxies";

/**
 * The socket's peer address of the request being handled. scripts/start.mjs runs Next's handler
 * inside this store, so a route handler can learn where a request came from: Next hands route
 * handlers only headers, and under plain `next start` a client-sent X-Forwarded-For even replaces
 * the socket address there. The store lives on globalThis under a registered symbol because the
 * start script and the app's bundles are separate module graphs in one process.
 */
const PEER_ADDRESS = Symbol.for("cairn.peerAddress");

function peerStore(): AsyncLocalStorage<string | undefined> {
  const holder = globalThis as { [PEER_ADDRESS]?: AsyncLocalStorage<string | undefined> };
  holder[PEER_ADDRESS] ??= new AsyncLocalStorage<string | undefined>();
  return holder[PEER_ADDRESS];
}

/** Runs `fn` as if its requests came from `address` (the start script does this per request; tests too). */
export function runWithPeerAddress<T>(address: string | undefined, fn: () => T): T {
  return peerStore().run(address, fn);
}

/** The socket address of the current request, when the server told us (see scripts/start.mjs). */
export function peerAddress(): string | undefined {
  return peerStore().getStore();
}

let parsed: { raw: string | undefined; trust: TrustedProxies } | undefined;

/** CAIRN_TRUSTED_PROXIES, parsed once per value; throws TrustedProxiesError when it is malformed. */
export function trustedProxies(): TrustedProxies {
  const raw = process.env.CAIRN_TRUSTED_PROXIES;
  if (!parsed || parsed.raw !== raw) parsed = { raw, trust: parseTrustedProxies(raw) };
  return parsed.trust;
}

/**
 * The client's address as per-address rate limits count it: the socket address, or the
 * X-Forwarded-For entry the configured proxies vouch for (lib/server/trusted-proxies.ts), with
 * IPv6 clients counted by /64 network.
 */
export function clientAddress(req: Request): string {
  const address = clientAddressFrom(trustedProxies(), peerAddress(), req.headers.get("x-forwarded-for"));
  return addressBucket(address);
}

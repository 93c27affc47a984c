// Cairn's server (`npm start`; `--dev` for development): Next's request handler behind Node's HTTP
// server, so that the app learns each request's socket address. Under plain `next start` a
// client-sent X-Forwarded-For replaces the socket address before the app sees the request, and a
// client could pick the address its rate limits count. Here every request runs inside an
// AsyncLocalStorage holding the socket's peer address, which lib/server/client-address.ts reads
// (with X-Forwarded-For believed only as CAIRN_TRUSTED_PROXIES allows).
//
//   node scripts/start.mjs [--dev] [-p PORT] [-H HOSTNAME]     (PORT also from the environment)
import { AsyncLocalStorage } from "node:async_hooks";
import { createServer } from "node:http";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: {
    dev: { type: "boolean", default: false },
    port: { type: "string", short: "p" },
    hostname: { type: "string", short: "H" },
  },
});
const dev = args.dev;
const port = Number(args.port ?? process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Not a port number: ${args.port ?? process.env.PORT}`);
  process.exit(1);
}

// Set before Next loads: it reads them at start-up.
process.env.NODE_ENV = dev ? "development" : "production";
process.env.NEXT_TELEMETRY_DISABLED = "1";
// Next handles no signals in a custom server; lib/server/startup.ts then closes the event streams
// and the database (PGlite needs it to reopen without crash recovery) before exiting.
process.env.NEXT_MANUAL_SIG_HANDLE = "true";
// What `next start` sets too: the server's own origin, where a server action's redirect is fetched.
const shownHost = !args.hostname || args.hostname === "0.0.0.0" ? "localhost" : args.hostname;
const origin = `http://${shownHost.includes(":") ? `[${shownHost}]` : shownHost}:${port}`;
process.env.__NEXT_PRIVATE_ORIGIN = origin;

// The same store lib/server/client-address.ts reads: one per process, found by a registered symbol.
const PEER_ADDRESS = Symbol.for("cairn.peerAddress");
const peerStore = (globalThis[PEER_ADDRESS] ??= new AsyncLocalStorage());

const { default: next } = await import("next");
const server = createServer();
// Node closes an idle kept-alive connection after 5 s; a client (or load balancer) reusing it at
// that moment gets ECONNRESET. Keep idle connections longer than the usual 60 s of proxies.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
const app = next({ dev, hostname: args.hostname ?? "localhost", port, httpServer: server });
await app.prepare();
const handle = app.getRequestHandler();

// Next drops Content-Encoding from a route handler's Response (and would compress the answer again).
// An answer compressed once and cached (lib/server/cached-answer.ts) names its coding in
// X-Cairn-Content-Encoding instead; here it becomes the real header, which also keeps Next's own
// compression off that answer. The flag tells the app this server does so.
globalThis[Symbol.for("cairn.server.passesContentEncoding")] = true;
const CODING_HEADER = "x-cairn-content-encoding";
function passContentEncoding(res) {
  for (const method of ["setHeader", "appendHeader"]) {
    const original = res[method];
    res[method] = function (name, value) {
      if (String(name).toLowerCase() !== CODING_HEADER) return original.call(this, name, value);
      return original.call(this, "Content-Encoding", value);
    };
  }
}

server.on("request", (req, res) => {
  passContentEncoding(res);
  peerStore.run(req.socket.remoteAddress, () =>
    handle(req, res).catch((error) => {
      console.error(`Failed to handle ${req.method} ${req.url}:`, error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    }),
  );
});
server.on("error", (error) => {
  console.error(`Cairn could not listen on port ${port}: ${error.message}`);
  process.exit(1);
});
server.listen(port, args.hostname, () => {
  console.log(`  Cairn ${dev ? "(development) " : ""}ready on ${origin}`);
});

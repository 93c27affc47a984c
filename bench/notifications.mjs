// Mention emails through the job queue, against a real SMTP server (smtp-server) this script
// starts: --mentions comments (1,000), each mentioning a member, posted through the API by
// --clients concurrent callers, so that a backlog of messages waits in the queue. Prints the
// queue's throughput (emails sent per second, from the first arrival to the last, and over the
// backlog left once the last comment is in) and the mention-to-mail-received latency (from the
// comment's 201 to the message's arrival at the SMTP server; p50/p95/max). On PGlite (one instance) and PostgreSQL (DATABASE_URL or the local
// server; --instances 2 runs two instances, both with workers, the comments spread over them).
// Usage: node bench/notifications.mjs [--mentions 1000] [--clients 8] [--db pglite|postgres|both] [--instances 1] [--backlog]
import { performance } from "node:perf_hooks";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { ensureBuild, freshPostgres, newUser, percentile, startApp } from "./lib/app.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const mentions = Number(arg("mentions", 1000));
const clients = Number(arg("clients", 8));
const instanceCount = Number(arg("instances", 1));
// --backlog (PostgreSQL): comments posted through a web-only instance (CAIRN_WORKERS=0), then the
// worker instances start and drain the 1,000 queued messages: the queue's pace with nothing else.
const backlog = process.argv.includes("--backlog");
const databases = arg("db", "both") === "both" ? ["pglite", "postgres"] : [arg("db")];

/** A real SMTP server on a free port: when each bench note's message was fully received. */
async function smtpServer() {
  const arrivals = new Map();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks = [];
      stream.on("data", (chunk) => chunks.push(chunk));
      stream.on("end", () => {
        const at = performance.now();
        simpleParser(Buffer.concat(chunks))
          .then((mail) => {
            const note = /bench-note-(\d+)/.exec(mail.text ?? "")?.[1];
            if (note !== undefined) {
              if (arrivals.has(Number(note))) console.error(`note ${note} received twice`);
              else arrivals.set(Number(note), at);
            }
            callback();
          })
          .catch(callback);
      });
    },
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `smtp://127.0.0.1:${server.server.address().port}`, arrivals, close: () => server.close() };
}

async function run(kind) {
  const databaseUrl = kind === "postgres" ? freshPostgres() : null;
  if (kind === "postgres" && !databaseUrl) {
    console.log("postgres: skipped (no PostgreSQL at 127.0.0.1:5432 or DATABASE_URL)");
    return;
  }
  const smtp = await smtpServer();
  const count = kind === "postgres" ? instanceCount : 1;
  const apps = [];
  // One at a time: the first applies the migrations.
  const startWorkers = async () => {
    for (let i = 0; i < count; i++) apps.push(await startApp({ databaseUrl, env: { SMTP_URL: smtp.url } }));
  };
  const drainLater = Boolean(backlog && databaseUrl);
  if (drainLater) apps.push(await startApp({ databaseUrl, env: { CAIRN_WORKERS: "0" } }));
  else await startWorkers();
  const base = apps[0].base;
  const owner = await newUser(base, "Olga");
  const rhea = await newUser(base, "Rhea");
  const call = async (at, token, method, path, body) => {
    const res = await fetch(at + path, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: await res.json() };
  };
  const { team } = (await call(base, owner.token, "POST", "/api/teams", { name: "Mail bench" })).json;
  const invite = await call(base, owner.token, "POST", `/api/teams/${team.id}/invitations`, {
    email: rhea.email,
    role: "commenter",
  });
  await call(base, rhea.token, "POST", "/api/invitations/accept", {
    token: new URL(invite.json.acceptUrl).pathname.split("/").pop(),
  });
  const { roadmap } = (
    await call(base, owner.token, "POST", `/api/teams/${team.id}/roadmaps`, {
      title: "Talkative",
      startDate: "2027-01-04",
    })
  ).json;
  const { item } = (
    await call(base, owner.token, "POST", `/api/roadmaps/${roadmap.id}/items`, {
      kind: "feature",
      title: "Much mentioned",
      startDate: "2027-01-04",
      endDate: "2027-01-08",
    })
  ).json;

  const posted = new Map();
  let next = 0;
  const postStarted = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < mentions) {
        const n = next++;
        const at = apps[n % apps.length].base;
        const res = await call(at, owner.token, "POST", `/api/items/${item.id}/comments`, {
          body: `@Rhea bench-note-${n}`,
        });
        if (res.status !== 201) throw new Error(`comment ${n}: ${res.status} ${JSON.stringify(res.json)}`);
        posted.set(n, performance.now());
      }
    }),
  );
  const postEnded = performance.now();
  const postSeconds = (postEnded - postStarted) / 1000;
  if (drainLater) {
    await startWorkers();
    const started = performance.now();
    const drainDeadline = Date.now() + 10 * 60_000;
    while (smtp.arrivals.size < mentions && Date.now() < drainDeadline)
      await new Promise((r) => setTimeout(r, 100));
    const times = [...smtp.arrivals.values()].sort((a, b) => a - b);
    console.log(
      `postgres, backlog of ${mentions} drained by ${count} worker instance(s): ${smtp.arrivals.size} received, ` +
        `${((times.length - 1) / ((times.at(-1) - times[0]) / 1000)).toFixed(1)} jobs/s; ` +
        `last mail ${((times.at(-1) - started) / 1000).toFixed(1)} s after the workers answered`,
    );
    for (const app of apps) app.stop();
    smtp.close();
    return;
  }
  const deadline = Date.now() + 15 * 60_000;
  while (smtp.arrivals.size < mentions && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  await new Promise((r) => setTimeout(r, 2000)); // a duplicate would arrive about now

  const latencies = [...smtp.arrivals].map(([n, at]) => at - posted.get(n)).sort((a, b) => a - b);
  const times = [...smtp.arrivals.values()].sort((a, b) => a - b);
  const throughput = (times.length - 1) / ((times.at(-1) - times[0]) / 1000);
  // Once every comment is in, the workers have the machine to themselves: the queue's own pace.
  const drained = times.filter((t) => t > postEnded);
  const drainRate = drained.length / ((times.at(-1) - postEnded) / 1000);
  const label = kind === "postgres" ? `postgres, ${count} instance(s)` : "pglite, 1 instance";
  console.log(
    `${label}: ${mentions} mentions posted in ${postSeconds.toFixed(1)} s (${(mentions / postSeconds).toFixed(0)}/s); ` +
      `${smtp.arrivals.size} emails received; queue throughput ${throughput.toFixed(1)} jobs/s ` +
      `(${drainRate.toFixed(1)} jobs/s for the ${drained.length} left after the last comment); ` +
      `mention→mail p50 ${(percentile(latencies, 50) / 1000).toFixed(2)} s, p95 ${(percentile(latencies, 95) / 1000).toFixed(2)} s, ` +
      `max ${(latencies.at(-1) / 1000).toFixed(2)} s`,
  );
  for (const app of apps) app.stop();
  smtp.close();
}

ensureBuild();
for (const kind of databases) await run(kind);
process.exit(0);

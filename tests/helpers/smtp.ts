import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/** A real SMTP server on a free local port that keeps every message it accepts, parsed. */
export interface TestSmtpServer {
  url: string;
  port: number;
  received: ParsedMail[];
  /** While set, every message is refused with a temporary failure (451), as a server that is down. */
  refuse: boolean;
  /** While above 0, each recipient is accepted only after this many ms: a slow server, mail in flight. */
  delayMs: number;
  /** The name a client gave in EHLO (nodemailer's `name`, e.g. `SMTP_URL=smtp://host:port/?name=a`). */
  senderOf(mail: ParsedMail): string;
  /** How many sessions of the client named `name` are waiting for their recipient to be accepted. */
  inFlight(name: string): number;
  /** Resolves once a message matching `match` has arrived (polling, up to `timeoutMs`). */
  waitFor(match: (mail: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
  to(address: string): ParsedMail[];
  close(): Promise<void>;
}

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const received: ParsedMail[] = [];
  const state = { refuse: false, delayMs: 0 };
  const senders = new Map<ParsedMail, string>();
  const waiting = new Map<string, string>(); // session id → client name, while its RCPT is delayed
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(_address, session, callback) {
      if (state.delayMs <= 0) return callback();
      waiting.set(session.id, session.hostNameAppearsAs);
      setTimeout(() => {
        waiting.delete(session.id);
        callback();
      }, state.delayMs);
    },
    onClose(session) {
      waiting.delete(session.id);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          if (state.refuse) {
            const error = Object.assign(new Error("Service not available, try later"), { responseCode: 451 });
            return callback(error);
          }
          received.push(mail);
          senders.set(mail, session.hostNameAppearsAs);
          callback();
        })
        .catch(callback);
    },
  });
  // A client gone mid-message (an instance killed while sending) is an error event; without a
  // listener it would end the test's process. The message it was sending never arrived.
  server.on("error", (error: NodeJS.ErrnoException) => {
    if (!["ECONNRESET", "EPIPE"].includes(error.code ?? "")) console.error("[test smtp]", error);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  const addressesOf = (mail: ParsedMail) =>
    [mail.to].flat().flatMap((to) => to?.value.map((v) => v.address?.toLowerCase()) ?? []);
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    get refuse() {
      return state.refuse;
    },
    set refuse(value: boolean) {
      state.refuse = value;
    },
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(value: number) {
      state.delayMs = value;
    },
    senderOf: (mail) => senders.get(mail) ?? "",
    inFlight: (name) => [...waiting.values()].filter((n) => n === name).length,
    async waitFor(match, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.find(match);
        if (found) return found;
        if (Date.now() > deadline)
          throw new Error(`No matching mail within ${timeoutMs} ms (${received.length} received).`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    to: (address) => received.filter((m) => addressesOf(m).includes(address.toLowerCase())),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

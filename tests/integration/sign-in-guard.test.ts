import { describe, expect, it } from "vitest";
import type { ApiResponse } from "../helpers/api";
import { expectApiError } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import { createUser, TEST_PASSWORD, withEnv } from "../helpers/fixtures";
import { csrf, postToAuth, signIn, type SignInAttempt } from "../helpers/sign-in";

let lastOctet = 0;
/** A fresh socket address per call (a few dozen per file), so that no two tests share a count. */
const freshPeer = () => `192.0.2.${++lastOctet}`;
const WRONG = "not the password";

function expectRateLimited(res: ApiResponse, windowSeconds: number) {
  expectApiError(res, 429, "rate_limited");
  const retryAfter = Number(res.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
}

/** Auth.js's answer to a wrong password: a redirect (or `{url}`) naming error=CredentialsSignin. */
function expectWrongPassword(res: ApiResponse & { signedIn: boolean }) {
  const url = res.headers.get("location") ?? res.json?.url;
  expect(url).toMatch(/[?&]error=CredentialsSignin/);
  expect(res.signedIn).toBe(false);
}

describeEachDatabase("credential sign-in limits", (getCtx) => {
  const owner = async () => (await createUser(getCtx().db, "owner")).user.email;
  const attempt = (a: SignInAttempt) => signIn(a);

  describe("every body format Auth.js reads is counted", () => {
    it("JSON guesses: past the limit the next attempt from that address is 429, even with the right password", async () => {
      await withEnv({ CAIRN_LIMIT_SIGNIN_EMAIL_FAILURES: "3" }, async () => {
        const email = await owner();
        const peer = freshPeer();
        for (let i = 0; i < 3; i++)
          expectWrongPassword(await attempt({ email, password: WRONG, format: "json", peer }));
        const blocked = await attempt({ email, password: TEST_PASSWORD, format: "json", peer });
        expectRateLimited(blocked, 900);
        expect(blocked.signedIn).toBe(false);
      });
    });

    it("form and JSON guesses share one count, whatever the email's case and spacing", async () => {
      await withEnv({ CAIRN_LIMIT_SIGNIN_EMAIL_FAILURES: "3" }, async () => {
        const email = await owner();
        const peer = freshPeer();
        expectWrongPassword(await attempt({ email, password: WRONG, format: "form", peer }));
        expectWrongPassword(
          await attempt({ email: ` ${email.toUpperCase()} `, password: WRONG, format: "json", peer }),
        );
        expectWrongPassword(
          await attempt({ email, password: WRONG, format: "json", peer, returnJson: true }),
        );
        expectRateLimited(await attempt({ email, password: WRONG, format: "form", peer }), 900);
      });
    });

    it("a JSON body with parameters in its media type is read as JSON and counted", async () => {
      await withEnv({ CAIRN_LIMIT_SIGNIN_EMAIL_FAILURES: "1" }, async () => {
        const email = await owner();
        const peer = freshPeer();
        const guess = async () => {
          const { csrfToken, cookie } = await csrf();
          return postToAuth(
            JSON.stringify({ email, password: WRONG, csrfToken, callbackUrl: "/" }),
            "Application/JSON; charset=utf-8",
            { peer, headers: { cookie } },
          );
        };
        expect((await guess()).headers.get("location")).toMatch(/error=CredentialsSignin/);
        expectRateLimited(await guess(), 900);
      });
    });

    it("a repeated email field counts against the last one, the one Auth.js checks", async () => {
      await withEnv({ CAIRN_LIMIT_SIGNIN_EMAIL_FAILURES: "2" }, async () => {
        const email = await owner();
        const peer = freshPeer();
        const withDecoy = async (password: string) => {
          const { csrfToken, cookie } = await csrf();
          const body = new URLSearchParams([
            ["email", "decoy@example.test"],
            ["email", email],
            ["password", password],
            ["csrfToken", csrfToken],
            ["callbackUrl", "/"],
          ]).toString();
          return postToAuth(body, "application/x-www-form-urlencoded", { peer, headers: { cookie } });
        };
        // Auth.js checks the last one: the right password for it signs in (and is not counted).
        const right = await withDecoy(TEST_PASSWORD);
        expect(right.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token="))).toBe(true);
        for (let i = 0; i < 2; i++)
          expect((await withDecoy(WRONG)).headers.get("location")).toMatch(/error=/);
        expectRateLimited(await attempt({ email, password: TEST_PASSWORD, format: "form", peer }), 900);
      });
    });

    it("a made-up X-Forwarded-For does not give a guesser a fresh count", async () => {
      await withEnv({ CAIRN_LIMIT_SIGNIN_EMAIL_FAILURES: "2" }, async () => {
        const email = await owner();
        const peer = freshPeer();
        const statuses: number[] = [];
        for (let i = 1; i <= 3; i++) {
          const { csrfToken, cookie } = await csrf();
          const body = new URLSearchParams({
            email,
            password: WRONG,
            csrfToken,
            callbackUrl: "/",
          }).toString();
          const res = await postToAuth(body, "application/x-www-form-urlencoded", {
            peer,
            headers: { cookie, "x-forwarded-for": `198.51.100.${i}` },
          });
          statuses.push(res.status);
        }
        expect(statuses).toEqual([302, 302, 429]);
      });
    });
  });

  describe("failures count per account and address", () => {
    it("a locked address does not lock the owner out: from another address they sign in, slowed down", async () => {
      await withEnv({ CAIRN_LIMIT_SIGNIN_EMAIL_FAILURES: "2" }, async () => {
        const email = await owner();
        const attacker = freshPeer();
        for (let i = 0; i < 2; i++)
          expectWrongPassword(await attempt({ email, password: WRONG, format: "json", peer: attacker }));
        expectRateLimited(
          await attempt({ email, password: TEST_PASSWORD, format: "json", peer: attacker }),
          900,
        );

        // The account has had its 2 failures: the next attempt on it waits 1 s before the check.
        const started = Date.now();
        const owners = await attempt({ email, password: TEST_PASSWORD, format: "form", peer: freshPeer() });
        expect(owners.status).toBe(302);
        expect(owners.headers.get("location")).toBe("http://localhost/teams");
        expect(owners.signedIn).toBe(true);
        expect(Date.now() - started).toBeGreaterThanOrEqual(1000);

        // The attacker's address stays locked for this account.
        expectRateLimited(
          await attempt({ email, password: TEST_PASSWORD, format: "form", peer: attacker }),
          900,
        );
      });
    });

    it("a successful sign-in takes its count back; the failures around it still count", async () => {
      await withEnv({ CAIRN_LIMIT_SIGNIN_EMAIL_FAILURES: "2" }, async () => {
        const email = await owner();
        const peer = freshPeer();
        expectWrongPassword(await attempt({ email, password: WRONG, format: "form", peer }));
        for (let i = 0; i < 3; i++) {
          expect((await attempt({ email, password: TEST_PASSWORD, format: "form", peer })).signedIn).toBe(
            true,
          );
        }
        expectWrongPassword(await attempt({ email, password: WRONG, format: "json", peer }));
        expectRateLimited(await attempt({ email, password: TEST_PASSWORD, format: "form", peer }), 900);
      });
    });

    it("per address, attempts on any accounts are limited (SIGNIN_IP); another address goes on", async () => {
      await withEnv({ CAIRN_LIMIT_SIGNIN_IP: "2" }, async () => {
        const email = await owner();
        const peer = freshPeer();
        for (let i = 0; i < 2; i++) {
          expectWrongPassword(
            await attempt({ email: `spray${i}@example.test`, password: WRONG, format: "form", peer }),
          );
        }
        expectRateLimited(await attempt({ email, password: TEST_PASSWORD, format: "form", peer }), 600);
        expect(
          (await attempt({ email, password: TEST_PASSWORD, format: "form", peer: freshPeer() })).signedIn,
        ).toBe(true);
      });
    });
  });

  describe("bodies the guard refuses before Auth.js reads them, uncounted", () => {
    const big = "x".repeat(64 * 1024 + 1);

    it("over 64 KiB: 413, declared or streamed, on the credentials callback and other Auth.js POSTs", async () => {
      await withEnv({ CAIRN_LIMIT_SIGNIN_IP: "1" }, async () => {
        const peer = freshPeer();
        const form = "application/x-www-form-urlencoded";
        expectApiError(
          await postToAuth(`email=a%40b.test&password=${big}`, form, { peer }),
          413,
          "payload_too_large",
        );
        expectApiError(
          await postToAuth(`csrfToken=${big}`, form, { peer, path: "/api/auth/signout" }),
          413,
          "payload_too_large",
        );
        const stream = new ReadableStream<Uint8Array>({
          start(controller) {
            for (let i = 0; i < 17; i++) controller.enqueue(new TextEncoder().encode("y".repeat(4096)));
            controller.close();
          },
        });
        expectApiError(await postToAuth(stream, "application/json", { peer }), 413, "payload_too_large");
        // None of them counted as an attempt: the address still has its one.
        expectWrongPassword(await attempt({ email: await owner(), password: WRONG, format: "form", peer }));
      });
    });

    it("just under 64 KiB is read and handed to Auth.js", async () => {
      const { csrfToken, cookie } = await csrf();
      const email = await owner();
      const body = new URLSearchParams({
        email,
        password: WRONG,
        csrfToken,
        callbackUrl: "/",
        pad: "",
      }).toString();
      const padded = body + "z".repeat(64 * 1024 - body.length);
      const res = await postToAuth(padded, "application/x-www-form-urlencoded", {
        peer: freshPeer(),
        headers: { cookie },
      });
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toMatch(/error=CredentialsSignin/);
    });

    it("a body in another format is 415 (multipart, text, none); malformed JSON is 400", async () => {
      await withEnv({ CAIRN_LIMIT_SIGNIN_IP: "1" }, async () => {
        const peer = freshPeer();
        const email = await owner();
        const multipart = new FormData();
        multipart.set("email", email);
        multipart.set("password", WRONG);
        for (const [body, type] of [
          [multipart, undefined],
          [JSON.stringify({ email, password: WRONG }), "text/plain"],
          [undefined, undefined],
        ] as const) {
          const res = await postToAuth(body, type, { peer });
          expectApiError(res, 415, "unsupported_media_type");
          expect(res.json.error.message).toMatch(/application\/x-www-form-urlencoded.*application\/json/);
        }
        expectApiError(await postToAuth("{not json", "application/json", { peer }), 400, "invalid_request");
        expectWrongPassword(await attempt({ email, password: WRONG, format: "form", peer }));
      });
    });

    it("other Auth.js POSTs (sign-out) pass through and are not counted as sign-in attempts", async () => {
      await withEnv({ CAIRN_LIMIT_SIGNIN_IP: "1" }, async () => {
        const peer = freshPeer();
        for (let i = 0; i < 3; i++) {
          const { csrfToken, cookie } = await csrf();
          const res = await postToAuth(
            new URLSearchParams({ csrfToken }).toString(),
            "application/x-www-form-urlencoded",
            {
              peer,
              path: "/api/auth/signout",
              headers: { cookie },
            },
          );
          expect(res.status).toBe(302);
        }
        expectWrongPassword(await attempt({ email: await owner(), password: WRONG, format: "json", peer }));
      });
    });
  });
});

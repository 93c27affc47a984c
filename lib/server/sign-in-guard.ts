import { AppError } from "@/lib/services/errors";
import { database } from "./database";
import { errorResponse, toAppError } from "./http-errors";
import { check, hit, limitFor } from "./rate-limit";
import { clientIp } from "./route";

/** Auth.js answers a failed sign-in with a redirect (or, for fetch clients, a JSON url) naming an error. */
async function signInFailed(res: Response): Promise<boolean> {
  const location = res.headers.get("location");
  if (location) return /[?&]error=/.test(location);
  if (!res.headers.get("content-type")?.includes("application/json")) return false;
  const body = (await res
    .clone()
    .json()
    .catch(() => null)) as { url?: string } | null;
  return typeof body?.url === "string" && /[?&]error=/.test(body.url);
}

/**
 * Wraps Auth.js's POST handler: credential sign-ins are limited per IP (attempts) and per email
 * (failures), with the counters in the database so that the limits hold across instances.
 */
export async function guardCredentialsSignIn(
  req: Request,
  next: (req: Request) => Promise<Response>,
): Promise<Response> {
  if (!new URL(req.url).pathname.endsWith("/callback/credentials")) return next(req);
  const form = await req
    .clone()
    .formData()
    .catch(() => null);
  const email = String(form?.get("email") ?? "")
    .trim()
    .toLowerCase()
    .slice(0, 254);
  const emailKey = `signin:email:${email}`;
  try {
    const { db } = await database();
    await hit(db, `signin:ip:${clientIp(req)}`, limitFor("SIGNIN_IP"));
    if (email) await check(db, emailKey, limitFor("SIGNIN_EMAIL_FAILURES"));
    const res = await next(req);
    if (email && (await signInFailed(res))) {
      await hit(db, emailKey, limitFor("SIGNIN_EMAIL_FAILURES")).catch((error: unknown) => {
        if (!(error instanceof AppError)) throw error;
      });
    }
    return res;
  } catch (error) {
    return errorResponse(toAppError(error));
  }
}

import type { Database } from "@/db/types";
import { registerUser } from "@/lib/services/accounts/credentials";
import type { RegisterInput, User } from "@/lib/validation/accounts";
import { clientAddress } from "./client-address";
import { hit, limitFor } from "./rate-limit";

/** Registration, limited per IP and per email address before any work is done. */
export async function registerWithLimits(db: Database, req: Request, input: RegisterInput): Promise<User> {
  await hit(db, `register:ip:${clientAddress(req)}`, limitFor("REGISTER_IP"));
  await hit(db, `register:email:${input.email}`, limitFor("REGISTER_EMAIL"));
  return registerUser(db, input);
}

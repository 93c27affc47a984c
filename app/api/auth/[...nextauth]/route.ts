import type { NextRequest } from "next/server";
import { handlers } from "@/lib/server/auth";
import { guardCredentialsSignIn } from "@/lib/server/sign-in-guard";

export const GET = handlers.GET;
export const POST = (req: NextRequest) => guardCredentialsSignIn(req, (r) => handlers.POST(r as NextRequest));

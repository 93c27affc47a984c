import { NextRequest } from "next/server";
import { handlers } from "@/lib/server/auth";
import { guardAuthPost } from "@/lib/server/sign-in-guard";

export const GET = handlers.GET;
// The guard hands on a request rebuilt from the body it read; Auth.js wants a NextRequest.
export const POST = (req: NextRequest) => guardAuthPost(req, (r) => handlers.POST(new NextRequest(r)));

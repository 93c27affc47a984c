/** Who is making a request: resolved by lib/server from a session cookie or a personal API token. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  via: "session" | "token";
}

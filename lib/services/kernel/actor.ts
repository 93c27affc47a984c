/** Who is making a request: resolved by lib/server from a session cookie or a personal API token. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  via: "session" | "token";
  /** For a token: which one (so that its streams close when it is revoked). */
  tokenId?: string;
  /** For a token: what it may do. A session may do whatever the role allows. */
  scopes?: readonly TokenScope[];
  /** For a session: the account's session version the cookie was issued under. */
  sessionVersion?: number;
}

export type TokenScope = "read" | "write";

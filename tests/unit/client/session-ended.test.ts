import { afterEach, describe, expect, it, vi } from "vitest";

/** A stand-in for the browser's window: where the page is, and where it was sent. */
function fakeWindow(pathname: string, search = "") {
  const assign = vi.fn();
  vi.stubGlobal("window", { location: { pathname, search, assign } });
  return assign;
}

// The module remembers that it is already leaving: load fresh copies (with their own ApiError
// class, for instanceof) for each test.
const load = async () => {
  vi.resetModules();
  const { ApiError } = await import("@/lib/client/api");
  const { signInAgainIfSignedOut } = await import("@/lib/client/session-ended");
  return { ApiError, signInAgain: signInAgainIfSignedOut };
};

afterEach(() => vi.unstubAllGlobals());

describe("signInAgainIfSignedOut", () => {
  it("an ended session (401 unauthenticated) goes to sign in, once, and comes back here after", async () => {
    const { ApiError, signInAgain } = await load();
    const assign = fakeWindow("/roadmaps/r1/risks", "?open=3");
    const ended = new ApiError(401, "unauthenticated", "Sign in again.");
    signInAgain(ended);
    signInAgain(ended);
    expect(assign.mock.calls).toEqual([["/signin?callbackUrl=%2Froadmaps%2Fr1%2Frisks%3Fopen%3D3"]]);
  });

  it("other failures stay in the page: a wrong password on the sign-in form, 403s, network errors", async () => {
    const { ApiError, signInAgain } = await load();
    const assign = fakeWindow("/signin");
    signInAgain(new ApiError(401, "invalid_credentials", "Email or password is incorrect."));
    signInAgain(new ApiError(403, "incorrect_password", "Your current password is not right."));
    signInAgain(new ApiError(0, "network", "Could not reach Cairn."));
    signInAgain(new Error("boom"));
    expect(assign).not.toHaveBeenCalled();
  });
});

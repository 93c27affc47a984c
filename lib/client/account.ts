import { useMutation } from "@tanstack/react-query";
import type { ChangePasswordForm, RegisterInput } from "@/lib/validation/accounts";
import { accounts as endpoints } from "@/lib/validation/routes";
import { callEndpoint, type ApiError } from "./api";
import { signInWithPassword } from "./auth";

/**
 * Signs in and then loads the destination with a full navigation, so that every request from
 * then on carries the new session cookie and no data of a previous session lingers in memory.
 */
export function useSignIn(callbackPath: string) {
  return useMutation<void, ApiError, { email: string; password: string }>({
    mutationFn: (input) => signInWithPassword({ ...input, callbackUrl: callbackPath }),
    onSuccess: () => window.location.assign(callbackPath),
  });
}

/** Creates the account, signs in with the same credentials, then goes on like useSignIn. */
export function useRegister(callbackPath: string) {
  return useMutation<void, ApiError, RegisterInput>({
    mutationFn: async (input) => {
      await callEndpoint(endpoints.register, { body: input });
      await signInWithPassword({ email: input.email, password: input.password, callbackUrl: callbackPath });
    },
    onSuccess: () => window.location.assign(callbackPath),
  });
}

/**
 * Changes the password. The answer re-issues this browser's session cookie (Set-Cookie on the
 * same-origin fetch), so this page stays signed in while every other session ends.
 */
export function useChangePassword() {
  return useMutation<unknown, ApiError, ChangePasswordForm>({
    mutationFn: ({ currentPassword, newPassword }) =>
      callEndpoint(endpoints.changePassword, { body: { currentPassword, newPassword } }),
  });
}

/** Ends every session, this one included; the browser then goes to the sign-in page. */
export function useSignOutEverywhere() {
  return useMutation<unknown, ApiError, void>({
    mutationFn: () => callEndpoint(endpoints.endAllSessions, {}),
    // A full load, as after sign-in: nothing of the ended session stays in memory.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    onSuccess: () => window.location.assign("/signin"),
  });
}

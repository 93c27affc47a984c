import { useMutation } from "@tanstack/react-query";
import type { RegisterInput } from "@/lib/validation/accounts";
import { accounts as endpoints } from "@/lib/validation/endpoints";
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

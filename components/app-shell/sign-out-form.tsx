"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";

export type SignOutAction = (formData: FormData) => Promise<void>;

function Pending({ children }: { children: (pending: boolean) => ReactNode }) {
  const { pending } = useFormStatus();
  return <>{children(pending)}</>;
}

/** Posts to the sign-out server action; `returnTo` brings the next sign-in back to this page. */
export function SignOutForm({
  action,
  returnTo,
  children,
}: {
  action: SignOutAction;
  returnTo?: string;
  children: (pending: boolean) => ReactNode;
}) {
  return (
    <form action={action}>
      {returnTo && <input type="hidden" name="returnTo" value={returnTo} />}
      <Pending>{children}</Pending>
    </form>
  );
}

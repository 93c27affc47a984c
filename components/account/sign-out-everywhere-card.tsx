"use client";

import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { LogOutIcon } from "@/components/ui/icons";
import { useSignOutEverywhere } from "@/lib/client/account";

export function SignOutEverywhereCard() {
  const signOut = useSignOutEverywhere();
  return (
    <Card aria-labelledby="sign-out-everywhere-title">
      <CardHeader
        titleId="sign-out-everywhere-title"
        title="Sign out everywhere"
        description="Ends every session of your account at once, this one included: a browser you forgot to sign out of, a lost laptop, a shared computer. Open pages stop receiving updates. You will sign in again here."
      />
      <CardBody>
        <ConfirmButton
          variant="secondary"
          icon={<LogOutIcon className="size-4" />}
          title="Sign out everywhere?"
          description="Every browser and device signed in to your account is signed out now, including this one. API tokens are not affected."
          confirmLabel="Sign out everywhere"
          // The page navigates away on success; keep the dialog busy until it does.
          onConfirm={() => signOut.mutateAsync().then(() => new Promise<never>(() => {}))}
        >
          Sign out everywhere
        </ConfirmButton>
      </CardBody>
    </Card>
  );
}

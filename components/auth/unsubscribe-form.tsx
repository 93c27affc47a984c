"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextLink } from "@/components/ui/text-link";
import { useUnsubscribe } from "@/lib/client/delivery";

/** For people who open an email's "turn these emails off" link in a browser: one button. */
export function UnsubscribeForm({ token, kindLabel }: { token: string; kindLabel: string }) {
  const unsubscribe = useUnsubscribe();
  if (unsubscribe.isSuccess) {
    return (
      <Alert tone="success" title="Done">
        You will get no more {kindLabel} emails. Change this any time in your{" "}
        <TextLink href="/account/notifications">notification settings</TextLink>.
      </Alert>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      {unsubscribe.error && <Alert tone="error">{unsubscribe.error.message}</Alert>}
      <Button
        type="button"
        variant="primary"
        loading={unsubscribe.isPending}
        onClick={() => unsubscribe.mutate({ token })}
      >
        Turn off {kindLabel} emails
      </Button>
    </div>
  );
}

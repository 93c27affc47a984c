"use client";

import { Button } from "@/components/ui/button";
import { InfoIcon } from "@/components/ui/icons";

export interface DemoLogin {
  email: string;
  password: string;
}

/** Shown in development only: the seeded demo account, one click from the form. */
export function DemoLoginBox({ login, onUse }: { login: DemoLogin; onUse: () => void }) {
  return (
    <div className="rounded-lg border border-accent-200 bg-accent-50 px-4 py-3 text-sm text-accent-900">
      <div className="flex items-start gap-2.5">
        <InfoIcon className="mt-0.5 size-4 shrink-0 text-accent-700" />
        <div className="min-w-0 flex-1">
          <p className="font-semibold">Try the demo team</p>
          <p className="mt-0.5 leading-5 break-words">
            <span className="font-mono text-[13px] whitespace-nowrap">{login.email}</span> with password{" "}
            <span className="font-mono text-[13px] whitespace-nowrap">{login.password}</span>
          </p>
          <Button size="sm" variant="secondary" className="mt-2.5" onClick={onUse}>
            Use the demo account
          </Button>
        </div>
      </div>
    </div>
  );
}

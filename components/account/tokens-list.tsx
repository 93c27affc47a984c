"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { EmptyState } from "@/components/ui/empty-state";
import { KeyIcon } from "@/components/ui/icons";
import { LocalDate } from "@/components/ui/local-date";
import { accessOf } from "@/lib/client/token-access";
import { useRevokeToken, useTokens } from "@/lib/client/tokens";
import type { ApiToken } from "@/lib/validation/accounts";

export function TokensList() {
  const { data: tokens = [] } = useTokens();
  // One "now" per visit is precise enough to tell expired tokens apart.
  const [now] = useState(() => Date.now());

  if (tokens.length === 0) {
    return (
      <EmptyState
        icon={<KeyIcon className="size-5" />}
        title="No API tokens yet"
        description="A personal API token lets a script, a spreadsheet or another tool use Cairn’s API as you, with your access to your teams. Create one below; you can revoke it at any time."
      />
    );
  }

  return (
    <Card aria-labelledby="tokens-title">
      <CardHeader
        titleId="tokens-title"
        title={`Active tokens (${tokens.length})`}
        description="Each token acts as you in every team you belong to, within its access. Revoke the ones you no longer use."
      />
      <div className="relative mt-4 overflow-x-auto">
        <table className="w-full min-w-[20rem] border-t border-line text-sm">
          <thead className="bg-canvas/70 text-left text-xs text-muted">
            <tr>
              <th scope="col" className="py-2.5 pr-3 pl-5 font-medium sm:pl-6">
                Token
              </th>
              <th scope="col" className="px-3 py-2.5 font-medium max-md:hidden">
                Created
              </th>
              <th scope="col" className="px-3 py-2.5 font-medium max-md:hidden">
                Last used
              </th>
              <th scope="col" className="px-3 py-2.5 font-medium max-md:hidden">
                Expires
              </th>
              <th scope="col" className="py-2.5 pr-5 pl-3 sm:pr-6">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line border-t border-line">
            {tokens.map((token) => (
              <TokenRow
                key={token.id}
                token={token}
                expired={!!token.expiresAt && Date.parse(token.expiresAt) <= now}
              />
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

function AccessBadge({ scopes }: { scopes: readonly string[] }) {
  return accessOf(scopes) === "read" ? (
    <Badge tone="info">Read only</Badge>
  ) : (
    <Badge tone="neutral">Read and write</Badge>
  );
}

function TokenRow({ token, expired }: { token: ApiToken; expired: boolean }) {
  const revoke = useRevokeToken();
  return (
    <tr>
      <td className="py-3 pr-3 pl-5 sm:pl-6">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <span className="font-medium text-ink">{token.name}</span>
          <AccessBadge scopes={token.scopes} />
          {expired && <Badge tone="warning">Expired</Badge>}
        </div>
        <div className="mt-0.5 font-mono text-xs text-muted">{token.prefix}…</div>
        <div className="mt-1 text-xs text-muted md:hidden">
          {token.lastUsedAt ? (
            <>
              Last used <LocalDate value={token.lastUsedAt} />
            </>
          ) : (
            "Never used"
          )}
          {" · "}
          {token.expiresAt ? (
            <>
              {expired ? "expired" : "expires"} <LocalDate value={token.expiresAt} />
            </>
          ) : (
            "never expires"
          )}
        </div>
      </td>
      <td className="px-3 py-3 text-[13px] whitespace-nowrap text-ink-soft max-md:hidden">
        <LocalDate value={token.createdAt} />
      </td>
      <td className="px-3 py-3 text-[13px] whitespace-nowrap text-ink-soft max-md:hidden">
        {token.lastUsedAt ? <LocalDate value={token.lastUsedAt} style="dateTime" /> : "Never"}
      </td>
      <td className="px-3 py-3 text-[13px] whitespace-nowrap text-ink-soft max-md:hidden">
        {token.expiresAt ? <LocalDate value={token.expiresAt} /> : "Never"}
      </td>
      <td className="py-3 pr-5 pl-3 text-right sm:pr-6">
        <ConfirmButton
          variant="danger-ghost"
          size="sm"
          title={`Revoke “${token.name}”?`}
          description="Anything using this token stops working immediately. This cannot be undone; you can create a new token instead."
          confirmLabel="Revoke token"
          onConfirm={() => revoke.mutateAsync({ tokenId: token.id })}
        >
          Revoke<span className="sr-only"> {token.name}</span>
        </ConfirmButton>
      </td>
    </tr>
  );
}

import type { Metadata } from "next";
import { PageContainer } from "@/components/app-shell/page-container";
import { CreateTokenCard } from "@/components/account/create-token-card";
import { TokensList } from "@/components/account/tokens-list";
import { HydrateQueries } from "@/components/query/hydrate-queries";
import { PageHeader } from "@/components/ui/page-header";
import { queryKeys } from "@/lib/client/query-keys";
import { requirePageActor } from "@/lib/server/session";
import { listTokens } from "@/lib/services/accounts/tokens";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  const { actor, db } = await requirePageActor("/account/tokens");
  const tokens = await listTokens(db, actor);
  return (
    <PageContainer>
      <PageHeader
        title="API tokens"
        description={
          <>
            Personal tokens for scripts and integrations: send one as{" "}
            <code className="rounded bg-subtle px-1 py-0.5 font-mono text-[13px] text-ink">
              Authorization: Bearer &lt;token&gt;
            </code>{" "}
            to the Cairn API. A token acts as you in every team you belong to: read only, or read and write.
            Tokens are managed here, in a signed-in browser; a token cannot mint or revoke tokens.
          </>
        }
      />
      <HydrateQueries entries={[[queryKeys.tokens, tokens]]}>
        <div className="flex max-w-4xl flex-col gap-6">
          <TokensList />
          <CreateTokenCard />
        </div>
      </HydrateQueries>
    </PageContainer>
  );
}

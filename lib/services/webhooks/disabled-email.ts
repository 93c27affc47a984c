import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/types";
import { memberships, teams, users } from "@/db/schema";
import { appOrigin } from "@/lib/services/kernel/app-origin";
import { queueEmail } from "@/lib/services/mail/outbox";

/**
 * A webhook failing for a day was turned off: each owner of its team is told, once per failing
 * run (the dedupe key carries when the run began), in the transaction that turned it off.
 */
export async function mailOwnersWebhookDisabled(
  tx: Database,
  hook: { id: string; teamId: string; url: string; failingSince: Date },
): Promise<void> {
  const [team] = await tx
    .select({ name: teams.name, slug: teams.slug })
    .from(teams)
    .where(eq(teams.id, hook.teamId));
  const owners = await tx
    .select({ id: users.id, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.teamId, hook.teamId), eq(memberships.role, "owner")));
  const teamName = team?.name ?? "your team";
  for (const owner of owners) {
    await queueEmail(tx, {
      kind: "webhookDisabled",
      to: owner.email,
      userId: owner.id,
      teamId: hook.teamId,
      subject: `A webhook of ${teamName} was turned off after a day of failed deliveries`,
      content: {
        teamName,
        roadmapName: null,
        heading: "A webhook was turned off",
        paragraphs: [
          `Deliveries to ${hook.url} have failed since ${hook.failingSince.toUTCString()}, so Cairn stopped sending to it.`,
          "Check the receiver, then turn the webhook on again from the team's settings; its delivery log shows each attempt.",
        ],
        action: {
          label: "Open the team's settings",
          url: `${appOrigin()}/teams/${team?.slug ?? ""}/settings`,
        },
        unsubscribeUrl: null,
      },
      dedupeKey: `webhookDisabled:${hook.id}:${hook.failingSince.toISOString()}:${owner.id}`,
    });
  }
}

import { and, eq, inArray, isNull, ne, notExists } from "drizzle-orm";
import type { Database } from "@/db/types";
import { feedbackResponses, feedbackRounds, memberships, ROLES, roadmaps, teams, users } from "@/db/schema";
import { addDays } from "@/lib/planning/civil-date";
import { AUDIENCE_LABELS } from "@/lib/validation/communication-kinds";
import { can } from "@/lib/validation/permissions";
import { appOrigin } from "@/lib/services/kernel/app-origin";
import { utcDate } from "@/lib/services/reviews/cadence";
import { feedbackRoundEmail } from "./messages";
import { queueEmail } from "./outbox";

type Round = typeof feedbackRounds.$inferSelect;

/**
 * A round's audience is a label (executive, engineering, product), not a list of people: the
 * people it reaches are the team's members who may answer it (commenters and up, as
 * respondToFeedbackRound checks), less whoever opened it.
 */
const ANSWERING_ROLES = ROLES.filter((role) => can(role, "comment.write"));

async function roundContext(tx: Database, round: Round) {
  const [found] = await tx
    .select({ teamId: teams.id, teamName: teams.name, roadmapName: roadmaps.title })
    .from(roadmaps)
    .innerJoin(teams, eq(teams.id, roadmaps.teamId))
    .where(eq(roadmaps.id, round.roadmapId))
    .limit(1);
  if (!found) return null;
  const [opener] = round.createdBy
    ? await tx.select({ name: users.name }).from(users).where(eq(users.id, round.createdBy)).limit(1)
    : [];
  return { ...found, openerName: opener?.name ?? null };
}

/** The members a round asks, optionally only those who have not answered it yet. */
async function audienceOf(tx: Database, round: Round, teamId: string, options: { unanswered: boolean }) {
  return tx
    .select({ id: users.id, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.teamId, teamId),
        inArray(memberships.role, ANSWERING_ROLES),
        round.createdBy ? ne(memberships.userId, round.createdBy) : undefined,
        options.unanswered
          ? notExists(
              tx
                .select({ one: feedbackResponses.id })
                .from(feedbackResponses)
                .where(and(eq(feedbackResponses.roundId, round.id), eq(feedbackResponses.userId, users.id))),
            )
          : undefined,
      ),
    );
}

/** One round's mail of one stage to its audience, keyed by round, stage and person. */
async function queueRoundMail(
  tx: Database,
  round: Round,
  stage: "opened" | "closingTomorrow",
): Promise<number> {
  const context = await roundContext(tx, round);
  if (!context) return 0;
  const email = feedbackRoundEmail({
    stage,
    question: round.question,
    audience: AUDIENCE_LABELS[round.audience].toLowerCase(),
    closesOn: round.closesOn,
    openerName: context.openerName,
    teamName: context.teamName,
    roadmapName: context.roadmapName,
    url: `${appOrigin()}/roadmaps/${round.roadmapId}/feedback/${round.id}`,
  });
  let queued = 0;
  for (const person of await audienceOf(tx, round, context.teamId, {
    unanswered: stage === "closingTomorrow",
  })) {
    const id = await queueEmail(tx, {
      ...email,
      kind: "feedbackRound",
      to: person.email,
      userId: person.id,
      teamId: context.teamId,
      dedupeKey: `feedbackRound:${stage}:${round.id}:${person.id}`,
    });
    if (id) queued++;
  }
  return queued;
}

/** Inside the transaction that opens the round: its audience is asked by mail. */
export function queueRoundOpenedMail(tx: Database, round: Round): Promise<number> {
  return queueRoundMail(tx, round, "opened");
}

/**
 * Run by the hourly feedback-round job: the day before an open round's last day, mails those of
 * its audience who have not answered. Each (round, person) is keyed, so later runs queue nothing.
 */
export async function queueRoundsClosingTomorrow(db: Database, now: Date): Promise<number> {
  const rounds = await db
    .select({ round: feedbackRounds })
    .from(feedbackRounds)
    .innerJoin(roadmaps, eq(roadmaps.id, feedbackRounds.roadmapId))
    .where(
      and(
        isNull(feedbackRounds.closedAt),
        eq(feedbackRounds.closesOn, addDays(utcDate(now), 1)),
        isNull(roadmaps.deletedAt),
      ),
    );
  let queued = 0;
  for (const { round } of rounds)
    queued += await db.transaction((tx) => queueRoundMail(tx, round, "closingTomorrow"));
  return queued;
}

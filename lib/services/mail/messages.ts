// What each kind of email says: subject and content from the facts of its cause. Pure; the
// outbox keeps the result, and the worker draws the HTML part from `content` when it sends.

import type { EmailContent } from "@/db/schema";

export interface ComposedEmail {
  subject: string;
  content: EmailContent;
}

const where = (teamName: string, roadmapName: string | null) =>
  roadmapName ? `${roadmapName} (${teamName})` : teamName;

export function invitationEmail(facts: {
  teamName: string;
  inviterName: string;
  role: string;
  acceptUrl: string;
  expiresAt: Date;
}): ComposedEmail {
  return {
    subject: `${facts.inviterName} invited you to ${facts.teamName} on Cairn`,
    content: {
      teamName: facts.teamName,
      roadmapName: null,
      heading: `Join ${facts.teamName} on Cairn`,
      paragraphs: [
        `${facts.inviterName} invited you to the team ${facts.teamName} as ${facts.role}.`,
        `The invitation is valid until ${facts.expiresAt.toUTCString()}.`,
      ],
      action: { label: "Accept the invitation", url: facts.acceptUrl },
      unsubscribeUrl: null,
    },
  };
}

export function commentEmail(facts: {
  kind: "mention" | "reply";
  actorName: string;
  teamName: string;
  roadmapName: string;
  itemTitle: string;
  excerpt: string;
  url: string;
}): ComposedEmail {
  const verb = facts.kind === "mention" ? "mentioned you" : "replied to you";
  return {
    subject: `${facts.actorName} ${verb} on “${facts.itemTitle}” in ${facts.roadmapName}`,
    content: {
      teamName: facts.teamName,
      roadmapName: facts.roadmapName,
      heading: `${facts.actorName} ${verb}`,
      paragraphs: [
        `On “${facts.itemTitle}” in ${where(facts.teamName, facts.roadmapName)}:`,
        `“${facts.excerpt}”`,
      ],
      action: { label: "Open the comment", url: facts.url },
      unsubscribeUrl: null,
    },
  };
}

export function passwordResetEmail(facts: { resetUrl: string; validMinutes: number }): ComposedEmail {
  return {
    subject: "Reset your Cairn password",
    content: {
      teamName: null,
      roadmapName: null,
      heading: "Reset your password",
      paragraphs: [
        `Someone (hopefully you) asked to reset the password of this Cairn account. The link works once, for ${facts.validMinutes} minutes.`,
        "If you did not ask, ignore this email: your password stays as it is.",
      ],
      action: { label: "Choose a new password", url: facts.resetUrl },
      unsubscribeUrl: null,
    },
  };
}

/** The plain-text part: the same words as the HTML, links written out. */
export function emailText(content: EmailContent): string {
  const context = content.teamName ? [`Team: ${content.teamName}`] : [];
  if (content.roadmapName) context.push(`Roadmap: ${content.roadmapName}`);
  const lines = [
    content.heading,
    "",
    ...content.paragraphs.flatMap((p) => [p, ""]),
    `${content.action.label}: ${content.action.url}`,
  ];
  if (context.length) lines.push("", ...context);
  if (content.unsubscribeUrl) lines.push("", `Turn these emails off: ${content.unsubscribeUrl}`);
  return lines.join("\n");
}

export type ReminderStage = "soon" | "due" | "overdue";

export function reviewReminderEmail(facts: {
  stage: ReminderStage;
  audience: string;
  dueOn: string;
  teamName: string;
  roadmapName: string;
  url: string;
}): ComposedEmail {
  const review = `${facts.audience} review of ${facts.roadmapName}`;
  const subject = {
    soon: `The ${review} is due in 3 days (${facts.dueOn})`,
    due: `The ${review} is due today`,
    overdue: `The ${review} is overdue (due ${facts.dueOn})`,
  }[facts.stage];
  return {
    subject,
    content: {
      teamName: facts.teamName,
      roadmapName: facts.roadmapName,
      heading: subject,
      paragraphs: [
        `${where(facts.teamName, facts.roadmapName)} reviews its plan with the ${facts.audience} audience on a cadence; this one is due on ${facts.dueOn}.`,
        "Recording the review keeps a snapshot of the plan to compare the next one against.",
      ],
      action: { label: "Open the reviews", url: facts.url },
      unsubscribeUrl: null,
    },
  };
}

export function feedbackRoundEmail(facts: {
  stage: "opened" | "closingTomorrow";
  question: string;
  audience: string;
  closesOn: string;
  openerName: string | null;
  teamName: string;
  roadmapName: string;
  url: string;
}): ComposedEmail {
  const subject =
    facts.stage === "opened"
      ? `Your feedback on ${facts.roadmapName}: “${facts.question}”`
      : `Feedback round on ${facts.roadmapName} closes tomorrow: “${facts.question}”`;
  const opened = `${facts.openerName ?? "An editor"} asked the ${facts.audience} audience of ${where(facts.teamName, facts.roadmapName)}:`;
  return {
    subject,
    content: {
      teamName: facts.teamName,
      roadmapName: facts.roadmapName,
      heading:
        facts.stage === "opened" ? "A feedback round is open for you" : "A feedback round closes tomorrow",
      paragraphs: [
        opened,
        `“${facts.question}”`,
        facts.stage === "opened"
          ? `Rate the plan and its milestones until ${facts.closesOn} (the last day, UTC).`
          : `You have not answered yet; ${facts.closesOn} (UTC) is the last day to answer.`,
      ],
      action: { label: "Answer the round", url: facts.url },
      unsubscribeUrl: null,
    },
  };
}

/** One change to an item, in words: who, and what they did ("changed end 2027-03-01 → 2027-03-08"). */
export interface ItemChangeLine {
  who: string;
  what: string;
}

export function ownedItemChangesEmail(facts: {
  itemTitle: string;
  teamName: string;
  roadmapName: string;
  lines: ItemChangeLine[];
  url: string;
}): ComposedEmail {
  const people = [...new Set(facts.lines.map((l) => l.who))];
  const by = people.length === 1 ? people[0] : `${people.length} people`;
  const count = facts.lines.length === 1 ? "" : ` (${facts.lines.length} changes)`;
  return {
    subject: `${by} changed “${facts.itemTitle}” in ${facts.roadmapName}${count}`,
    content: {
      teamName: facts.teamName,
      roadmapName: facts.roadmapName,
      heading: `Changes to “${facts.itemTitle}”, an item you own`,
      paragraphs: [
        `In ${where(facts.teamName, facts.roadmapName)}, within the last hour:`,
        ...facts.lines.map((l) => `${l.who} ${l.what}.`),
      ],
      action: { label: "Open the item", url: facts.url },
      unsubscribeUrl: null,
    },
  };
}

/** What a digest says of one roadmap over its period. */
export interface RoadmapDigest {
  title: string;
  url: string;
  /** Changes by others (the reader's own are not news to them), by how many people. */
  changes: number;
  people: number;
  /** A few of the items those changes touched. */
  itemTitles: string[];
  /** Key milestones whose P80 moved over the period (the forecast records, one method). */
  p80Moves: { title: string; from: string; to: string }[];
  /** Open risks scored 15 or more without a contingency plan, as the dashboards count them. */
  risksNeedingContingency: string[];
}

export function digestEmail(facts: {
  frequency: "daily" | "weekly";
  teamName: string;
  /** Where the button goes: the one roadmap with news, or the team's page. */
  url: string;
  roadmaps: RoadmapDigest[];
}): ComposedEmail {
  const span = facts.frequency === "daily" ? "the last day" : "the last week";
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const paragraphs = facts.roadmaps.flatMap((r) => {
    const lines = [`${r.title}: ${r.url}`];
    if (r.changes > 0) {
      const on = r.itemTitles.length ? `, among them to ${r.itemTitles.map((t) => `“${t}”`).join(", ")}` : "";
      const by = r.people === 0 ? "Cairn" : r.people === 1 ? "1 person" : `${r.people} people`;
      lines.push(`${plural(r.changes, "change")} by ${by}${on}.`);
    }
    for (const m of r.p80Moves)
      lines.push(`Key milestone “${m.title}”: P80 moved from ${m.from} to ${m.to}.`);
    if (r.risksNeedingContingency.length)
      lines.push(
        `Risks needing a contingency plan: ${r.risksNeedingContingency.map((t) => `“${t}”`).join(", ")}.`,
      );
    return lines;
  });
  return {
    subject: `Your ${facts.frequency} Cairn digest for ${facts.teamName}: ${facts.roadmaps.map((r) => r.title).join(", ")}`,
    content: {
      teamName: facts.teamName,
      roadmapName: facts.roadmaps.map((r) => r.title).join(", "),
      heading: `What changed in ${facts.teamName} over ${span}`,
      paragraphs,
      action: {
        label: facts.roadmaps.length === 1 ? "Open the roadmap" : "Open the team's roadmaps",
        url: facts.url,
      },
      unsubscribeUrl: null,
    },
  };
}

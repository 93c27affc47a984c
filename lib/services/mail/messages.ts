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

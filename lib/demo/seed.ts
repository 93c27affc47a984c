// Writes the demo team (lib/demo/data.ts, features.ts) into an empty database: started at the
// server's start-up (start.ts), and by tests that need a realistic team.
import { excerptOf } from "@/lib/collaboration/excerpt";
import { seedCommunication } from "./communication";
import { PHASES, seedReplanning } from "./replanning";
import { seedWebhook } from "./webhooks";
import { seedDelivery } from "./delivery";
import { seedConfidenceRecords, seedCurrentActuals } from "./confidence";
import { seedHistory } from "./history";
import type { Database } from "@/db/types";
import {
  comments,
  dependencies,
  items,
  itemSkills,
  memberships,
  notifications,
  riskItems,
  risks,
  roadmaps,
  skills,
  staffingPlans,
  staffingRows,
  teams,
  users,
  workstreams,
} from "@/db/schema";

import { COMMENTS, DEMO_MEMBERS, LANES, MILESTONES, RISKS, SKILLS, STAFFING } from "./data";
import { FEATURES } from "./features";
import { DEMO_LOGIN } from "./login";

/** "2027-Q1" for every calendar quarter from `start` over `months`. */
function quartersFrom(start: Date, months: number): string[] {
  const out = new Set<string>();
  for (let m = 0; m < months; m++) {
    const d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + m, 1));
    out.add(`${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`);
  }
  return [...out];
}

/** The Monday on or after the first day of the current quarter: the demo always starts "now". */
function demoStart(today = new Date()): Date {
  const d = new Date(Date.UTC(today.getUTCFullYear(), Math.floor(today.getUTCMonth() / 3) * 3, 1));
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

function weekDay(start: Date, week: number, weekday: 0 | 4): string {
  const d = new Date(start);
  d.setUTCDate(d.getUTCDate() + week * 7 + weekday);
  return d.toISOString().slice(0, 10);
}

/** Writes the demo team: four members with different roles and a 15-month payments roadmap. */
export async function seedDemo(db: Database, deps: { hashPassword: (p: string) => Promise<string> }) {
  const passwordHash = await deps.hashPassword(DEMO_LOGIN.password);
  await db.transaction(async (tx) => {
    const people = await tx
      .insert(users)
      .values(DEMO_MEMBERS.map((m) => ({ email: m.email, name: m.name, passwordHash })))
      .returning();
    const [team] = await tx
      .insert(teams)
      .values({ name: "Northwind Payments", slug: "northwind" })
      .returning();
    await tx
      .insert(memberships)
      .values(DEMO_MEMBERS.map((m, i) => ({ teamId: team.id, userId: people[i].id, role: m.role })));
    const skillRows = await tx
      .insert(skills)
      .values(SKILLS.map((name) => ({ teamId: team.id, name })))
      .returning();
    const skillId = new Map(skillRows.map((s) => [s.name, s.id]));

    const start = demoStart();
    const [roadmap] = await tx
      .insert(roadmaps)
      .values({
        teamId: team.id,
        title: "Payments platform 2027",
        description:
          "From a single-provider card checkout to a multi-currency payments platform with mobile, data and an EU launch.",
        startDate: start.toISOString().slice(0, 10),
        horizonMonths: 15,
        status: "active",
        createdBy: people[0].id,
      })
      .returning();
    const lanes = await tx
      .insert(workstreams)
      .values(LANES.map((name, position) => ({ roadmapId: roadmap.id, name, position })))
      .returning();
    const laneId = new Map(lanes.map((l) => [l.name, l.id]));

    const owners = [people[0].id, people[1].id, people[2].id];
    const itemRows = await tx
      .insert(items)
      .values([
        ...FEATURES.map((f, i) => ({
          roadmapId: roadmap.id,
          workstreamId: laneId.get(f.lane)!,
          kind: "feature" as const,
          title: f.title,
          startDate: weekDay(start, f.week, 0),
          endDate: weekDay(start, f.week + f.weeks - 1, 4),
          status: f.status ?? "planned",
          optimisticHours: f.hours[0],
          likelyHours: f.hours[1],
          pessimisticHours: f.hours[2],
          ownerId: owners[i % owners.length],
        })),
        ...MILESTONES.map((m) => ({
          roadmapId: roadmap.id,
          workstreamId: laneId.get(m.lane)!,
          kind: "milestone" as const,
          title: m.title,
          startDate: weekDay(start, m.week, 4),
          endDate: weekDay(start, m.week, 4),
          outcome: m.outcome,
          isKey: m.isKey ?? false,
        })),
      ])
      .returning({ id: items.id });
    const keys = [...FEATURES.map((f) => f.key), ...MILESTONES.map((m) => m.key)];
    const itemId = new Map(keys.map((k, i) => [k, itemRows[i].id]));

    await tx.insert(itemSkills).values(
      FEATURES.flatMap((f) =>
        Object.entries(f.skills).map(([name, hours]) => ({
          itemId: itemId.get(f.key)!,
          skillId: skillId.get(name)!,
          hours: hours!,
        })),
      ),
    );
    await tx.insert(dependencies).values(
      [...FEATURES, ...MILESTONES].flatMap((to) =>
        (to.after ?? []).map((from) => ({
          roadmapId: roadmap.id,
          fromId: itemId.get(from)!,
          toId: itemId.get(to.key)!,
        })),
      ),
    );

    for (const c of COMMENTS) {
      const on = itemId.get(c.on)!;
      const mentions = c.body.includes(`@${DEMO_LOGIN.email}`) ? [people[0].id] : [];
      const [root] = await tx
        .insert(comments)
        .values({
          roadmapId: roadmap.id,
          itemId: on,
          authorId: people[c.by].id,
          body: c.body,
          feasibility: c.feasibility,
          mentionIds: mentions,
        })
        .returning();
      for (const userId of mentions) {
        await tx.insert(notifications).values({
          userId,
          teamId: team.id,
          roadmapId: roadmap.id,
          itemId: on,
          commentId: root.id,
          kind: "mention",
          actorId: people[c.by].id,
          data: { excerpt: excerptOf(c.body) },
        });
      }
      if ("reply" in c) {
        await tx.insert(comments).values({
          roadmapId: roadmap.id,
          itemId: on,
          parentId: root.id,
          authorId: people[c.reply.by].id,
          body: c.reply.body,
        });
      }
    }

    for (const r of RISKS) {
      const [risk] = await tx
        .insert(risks)
        .values({
          roadmapId: roadmap.id,
          title: r.title,
          kind: r.kind,
          likelihood: r.likelihood,
          impact: r.impact,
          delayDays: r.delayDays,
          contingency: r.contingency,
          ownerId: people[1].id,
        })
        .returning();
      await tx.insert(riskItems).values(r.on.map((key) => ({ riskId: risk.id, itemId: itemId.get(key)! })));
    }

    await tx.insert(staffingPlans).values({ roadmapId: roadmap.id, hiringLeadWeeks: 8 });
    await tx.insert(staffingRows).values(
      quartersFrom(start, 15).flatMap((quarter) =>
        SKILLS.map((name) => ({
          roadmapId: roadmap.id,
          skillId: skillId.get(name)!,
          quarter,
          headcount: STAFFING[name],
          hoursPerWeek: 32,
        })),
      ),
    );

    await seedCommunication(tx, {
      roadmap,
      people,
      day: (n) => {
        const d = new Date(start);
        d.setUTCDate(d.getUTCDate() + n);
        return d.toISOString().slice(0, 10);
      },
      itemId: (key) => itemId.get(key)!,
    });

    await seedReplanning(tx, {
      roadmap,
      owner: { userId: people[0].id, email: people[0].email, name: people[0].name, via: "session" },
      itemId: (key) => itemId.get(key)!,
      skillId: (name) => skillId.get(name)!,
    });

    // Last year's finished roadmap, then this one's actuals and recorded forecasts (which read it).
    const today = new Date().toISOString().slice(0, 10);
    await seedHistory(tx, {
      teamId: team.id,
      currentStart: roadmap.startDate,
      people,
      skillId: (name) => skillId.get(name)!,
      today,
    });
    await seedCurrentActuals(tx, roadmap.id, today);
    await seedConfidenceRecords(tx, roadmap.id, today);
    const now = new Date();
    await seedWebhook(tx, { roadmap, now, gateTitle: PHASES[0].gate.title });
    await seedDelivery(tx, { team, roadmap, people, now });
  });
}

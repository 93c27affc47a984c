// Signs in as the demo team's owner (the app must run with CAIRN_SEED_DEMO=1) and makes what the
// pages with dynamic segments need: a scenario, a feedback round, an invitation and a share link.
// Answers the session cookie and one real value per [segment] name used under app/.
import { signIn } from "./app.mjs";

const DEMO = { email: "demo@cairn.test", password: "cairn-demo-roadmap" };

export async function demoFixtures(base) {
  const cookie = await signIn(base, DEMO);
  const call = async (method, path, body) => {
    const res = await fetch(base + path, {
      method,
      headers: { cookie, accept: "application/json", "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const { items: teams } = await call("GET", "/api/teams");
  if (!teams?.length) throw new Error("the demo team is missing: start the app with CAIRN_SEED_DEMO=1");
  const team = teams[0].team ?? teams[0];
  const { items: roadmaps } = await call("GET", `/api/teams/${team.id}/roadmaps`);
  const roadmap = roadmaps.find((r) => (r.kind ?? "roadmap") === "roadmap") ?? roadmaps[0];
  const roadmapId = roadmap.id ?? roadmap.roadmap?.id;
  const scenario = await call("POST", `/api/roadmaps/${roadmapId}/scenarios`, { name: "Bench scenario" });
  const closesOn = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const round = await call("POST", `/api/roadmaps/${roadmapId}/feedback-rounds`, {
    question: "Is this plan feasible?",
    audience: "product",
    closesOn,
  });
  const invitation = await call("POST", `/api/teams/${team.id}/invitations`, {
    email: `bench.${Date.now()}@example.com`,
    role: "viewer",
  });
  const share = await call("POST", `/api/roadmaps/${roadmapId}/share-links`, {
    audience: "executive",
    expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  });
  const lastSegment = (url) => new URL(url, base).pathname.split("/").pop() ?? "";
  const inviteToken =
    new URL(invitation.acceptUrl, base).searchParams.get("token") ?? lastSegment(invitation.acceptUrl);
  return {
    cookie,
    params: {
      teamSlug: team.slug,
      roadmapId,
      scenarioId: scenario.scenario?.roadmap?.id ?? scenario.roadmap?.id ?? scenario.id,
      roundId: round.round?.id ?? round.feedbackRound?.id ?? round.id,
    },
    // Two pages share a segment name: [token] is an invitation's under /invite, a share link's under /share.
    byPrefix: { "/invite/": { token: inviteToken }, "/share/": { token: lastSegment(share.url) } },
  };
}

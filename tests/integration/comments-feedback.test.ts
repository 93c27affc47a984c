import { beforeAll, expect, it } from "vitest";
import type { Team } from "@/lib/validation/teams";
import { api } from "../helpers/api";
import { listThreads, postComment } from "../helpers/collaboration";
import { describeEachDatabase } from "../helpers/database";
import { createTeamWithMembers, createUser, type TestUser } from "../helpers/fixtures";
import { createBoardFixture, type BoardFixture } from "../helpers/timeline";

describeEachDatabase("feasibility feedback on the board", (getCtx) => {
  let owner: TestUser;
  let editor: TestUser;
  let ann: TestUser;
  let ben: TestUser;
  let cat: TestUser;
  let team: Team;
  let fx: BoardFixture;

  beforeAll(async () => {
    const { db } = getCtx();
    [owner, editor, ann, ben, cat] = await Promise.all(
      ["owner", "editor", "ann", "ben", "cat"].map((label) => createUser(db, label)),
    );
    team = await createTeamWithMembers(db, owner, [
      { member: editor, role: "editor" },
      { member: ann, role: "commenter" },
      { member: ben, role: "commenter" },
      { member: cat, role: "commenter" },
    ]);
    fx = await createBoardFixture(db, owner.actor, team.id, { title: "Feedback" });
  });

  const board = async () => {
    const res = await api("GET /api/roadmaps/{roadmapId}", {
      params: { roadmapId: fx.roadmap.id },
      token: ann.token,
    });
    expect(res.status).toBe(200);
    return res.json;
  };

  it("counts each person's latest verdict once, live comments and unresolved threads, per item with comments", async () => {
    expect((await board()).feedback).toEqual({});

    // Ann changes her mind with a later comment; Ben changes his by editing; Cat's verdict is deleted.
    const annFirst = await postComment(ann.token, fx.feature.id, { body: "Doable", feasibility: "feasible" });
    await postComment(ann.token, fx.feature.id, {
      body: "On second thought, no",
      feasibility: "not_feasible",
      parentId: annFirst.id,
    });
    const benSays = await postComment(ben.token, fx.feature.id, { body: "Risky", feasibility: "concerns" });
    const benEdit = await api("PATCH /api/comments/{commentId}", {
      params: { commentId: benSays.id },
      token: ben.token,
      ifMatch: benSays.version,
      json: { feasibility: "feasible" },
    });
    expect(benEdit.status).toBe(200);
    const catSays = await postComment(cat.token, fx.feature.id, {
      body: "Impossible",
      feasibility: "not_feasible",
    });
    await api("DELETE /api/comments/{commentId}", {
      params: { commentId: catSays.id },
      token: cat.token,
      ifMatch: catSays.version,
    });
    await api("POST /api/comments/{commentId}/resolve", {
      params: { commentId: benSays.id },
      token: editor.token,
    });
    // A verdict-free comment on another item; an item whose only comment was deleted is absent.
    await postComment(cat.token, fx.milestone.id, { body: "Noted" });
    const gone = await postComment(cat.token, fx.second.id, { body: "Oops", feasibility: "concerns" });
    await api("DELETE /api/comments/{commentId}", {
      params: { commentId: gone.id },
      token: cat.token,
      ifMatch: gone.version,
    });

    const { feedback } = await board();
    expect(feedback).toEqual({
      [fx.feature.id]: { comments: 3, unresolved: 1, feasible: 1, concerns: 0, notFeasible: 1 },
      [fx.milestone.id]: { comments: 1, unresolved: 1, feasible: 0, concerns: 0, notFeasible: 0 },
    });
    expect((await listThreads(ann.token, fx.feature.id)).json.summary).toEqual(feedback[fx.feature.id]);
    expect((await listThreads(ann.token, fx.second.id)).json.summary).toEqual({
      comments: 0,
      unresolved: 0,
      feasible: 0,
      concerns: 0,
      notFeasible: 0,
    });
  });

  it("a deleted item's feedback leaves the board with it", async () => {
    const item = await api("POST /api/roadmaps/{roadmapId}/items", {
      params: { roadmapId: fx.roadmap.id },
      token: editor.token,
      json: { kind: "feature", title: "Short-lived", startDate: "2027-07-05", endDate: "2027-07-09" },
    });
    await postComment(ann.token, item.json.item.id, { body: "Fine", feasibility: "feasible" });
    expect((await board()).feedback[item.json.item.id]).toMatchObject({ comments: 1, feasible: 1 });
    await api("DELETE /api/items/{itemId}", {
      params: { itemId: item.json.item.id },
      token: editor.token,
      ifMatch: item.json.item.version,
    });
    expect((await board()).feedback[item.json.item.id]).toBeUndefined();
  });
});

import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useDatabase } from "@/lib/server/database";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { readPdf, readPptx } from "../helpers/documents";
import { createCast, createCastTeam } from "../helpers/fixtures";
import { createPictureFixture, PICTURE_NOW } from "../helpers/picture-fixture";
import { exportPictureAs } from "../helpers/picture-requests";

/** LibreOffice, as a person without PowerPoint opens the deck. CI installs it (.ci/run) and must run this. */
const soffice = ["soffice", "libreoffice"].find((bin) => spawnSync("which", [bin]).status === 0);
const inCi = process.env.CI === "true";

if (!soffice && !inCi) {
  console.warn(
    "LibreOffice is not installed here: the deck is not opened by a real reader (apt-get install libreoffice-impress).",
  );
}

describe.skipIf(!soffice && !inCi)("the deck in a real reader (LibreOffice Impress)", () => {
  let ctx: TestDatabase;
  let work: string;

  beforeAll(async () => {
    if (!soffice) throw new Error("CI must have LibreOffice: .ci/run installs libreoffice-impress.");
    vi.useFakeTimers({ toFake: ["Date"], now: PICTURE_NOW });
    ctx = await createTestDatabase("pglite");
    useDatabase(ctx.handle);
    work = mkdtempSync(path.join(tmpdir(), "cairn-deck-"));
  });
  afterAll(async () => {
    vi.useRealTimers();
    await ctx?.dispose();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("opens every audience's deck and prints one page per slide", { timeout: 240_000 }, async () => {
    const cast = await createCast(ctx.db);
    const { team } = await createCastTeam(ctx.db, cast);
    const fx = await createPictureFixture(ctx.db, cast.owner.actor, team.id, cast.editor.user.id);
    for (const audience of ["executive", "engineering", "product"]) {
      const res = await exportPictureAs(cast.viewer, fx.roadmapId, { format: "pptx", audience });
      expect(res.status).toBe(200);
      const file = path.join(work, `${audience}.pptx`);
      writeFileSync(file, res.bytes);
      const slides = (await readPptx(res.bytes)).slides.length;
      // A private profile, so that a LibreOffice already running (or its first-start dialogs) never interferes.
      execFileSync(
        soffice!,
        [
          `-env:UserInstallation=file://${work}/profile`,
          "--headless",
          "--convert-to",
          "pdf",
          "--outdir",
          work,
          file,
        ],
        { timeout: 180_000, stdio: "pipe" },
      );
      const pages = await readPdf(readFileSync(path.join(work, `${audience}.pdf`)));
      expect(pages).toHaveLength(slides);
      expect(pages[0].text).toContain("Checkout relaunch");
      expect(pages.map((p) => p.text).join(" ")).toContain("Public launch");
    }
  });
});

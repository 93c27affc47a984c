import { afterEach, describe, expect, it, vi } from "vitest";
import { copyPictureToClipboard, pictureHref } from "@/lib/client/pictures";

afterEach(() => vi.unstubAllGlobals());

describe("pictureHref", () => {
  it("a roadmap's picture: the format first, options only when given", () => {
    expect(pictureHref({ roadmapId: "r1" }, { format: "png" })).toBe("/api/roadmaps/r1/export?format=png");
    expect(
      pictureHref(
        { roadmapId: "r1" },
        {
          format: "pdf",
          audience: "executive",
          scale: "months",
          from: "2027-01-01",
          to: "2027-06-30",
          paper: "a3",
        },
      ),
    ).toBe(
      "/api/roadmaps/r1/export?format=pdf&audience=executive&scale=months&from=2027-01-01&to=2027-06-30&paper=a3",
    );
  });

  it("a share link's picture goes to the share export, the token escaped", () => {
    expect(pictureHref({ shareToken: "a/b c" }, { format: "pptx", audience: "product" })).toBe(
      "/api/share/a%2Fb%20c/export?format=pptx&audience=product",
    );
  });
});

/** A browser with a clipboard whose write() settles the item's PNG promise first, as browsers do. */
function stubClipboard(write: (blob: Blob) => Promise<void>) {
  class FakeClipboardItem {
    constructor(readonly items: Record<string, Promise<Blob>>) {}
  }
  vi.stubGlobal("ClipboardItem", FakeClipboardItem);
  vi.stubGlobal("navigator", {
    clipboard: {
      write: async ([item]: FakeClipboardItem[]) => write(await item.items["image/png"]),
    },
  });
}

const png = () =>
  new Response(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), { headers: { "content-type": "image/png" } });

describe("copyPictureToClipboard", () => {
  it("puts the downloaded PNG on the clipboard as image/png", async () => {
    const written: Blob[] = [];
    stubClipboard(async (blob) => void written.push(blob));
    const fetchMock = vi.fn(async () => png());
    vi.stubGlobal("fetch", fetchMock);
    expect(await copyPictureToClipboard("/api/roadmaps/r1/export?format=png")).toEqual({ ok: true });
    expect(fetchMock).toHaveBeenCalledWith("/api/roadmaps/r1/export?format=png", {
      credentials: "same-origin",
    });
    expect(written).toHaveLength(1);
    expect(written[0].type).toBe("image/png");
    expect(written[0].size).toBe(4);
  });

  it("a picture the server refuses says the server's reason", async () => {
    stubClipboard(async () => undefined);
    vi.stubGlobal("fetch", async () =>
      Response.json(
        { error: { code: "too_large_for_picture", message: "Choose a shorter range." } },
        { status: 422 },
      ),
    );
    expect(await copyPictureToClipboard("/x")).toEqual({
      ok: false,
      title: "The picture could not be made",
      message: "Choose a shorter range.",
    });
  });

  it("a browser that refuses the write, or has no image clipboard, points to the download", async () => {
    vi.stubGlobal("fetch", async () => png());
    stubClipboard(async () => {
      throw new DOMException("Write permission denied.", "NotAllowedError");
    });
    expect(await copyPictureToClipboard("/x")).toMatchObject({
      ok: false,
      title: "The browser did not allow the copy",
    });
    vi.stubGlobal("ClipboardItem", undefined);
    expect(await copyPictureToClipboard("/x")).toMatchObject({
      ok: false,
      message: "Use Download → PNG and paste the file instead.",
    });
  });
});

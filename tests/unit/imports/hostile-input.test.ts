// Mangled files must end in a parse or in ImportFormatError / UnsafeXmlError (a 400 or 422),
// never in another exception (a 500).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { roadmapToCsv } from "@/lib/exports/roadmap-csv";
import { parseCsvPlan } from "@/lib/imports/csv-plan";
import { parseJsonPlan } from "@/lib/imports/json-plan";
import { parseMspdi } from "@/lib/imports/mspdi";
import { ImportFormatError, UnsafeXmlError } from "@/lib/imports/types";
import { SeededRandom } from "@/lib/planning/random";
import { sampleDocument } from "./sample-document";

const MUTATIONS = 300;
const NOISE = [
  '"',
  ",",
  "\n",
  "\r",
  "<",
  ">",
  "&",
  ";",
  "/",
  "'",
  "=",
  "-",
  "0",
  "9",
  "x",
  "]]>",
  "&#0;",
  "2027-02-30",
  "\u0000",
];

function mutate(text: string, rng: SeededRandom): string {
  const at = (n: number) => Math.floor(rng.uniform() * n);
  let out = text;
  for (let k = 1 + at(4); k > 0; k--) {
    const i = at(out.length + 1);
    const choice = at(3);
    if (choice === 0)
      out = out.slice(0, i); // truncate
    else if (choice === 1)
      out = out.slice(0, i) + NOISE[at(NOISE.length)] + out.slice(i); // insert
    else out = out.slice(0, i) + out.slice(i + 1 + at(20)); // delete a run
  }
  return out;
}

function survives(parse: () => unknown): void {
  try {
    parse();
  } catch (error) {
    if (error instanceof ImportFormatError || error instanceof UnsafeXmlError) return;
    throw error;
  }
}

describe("mangled files never cause an unexpected exception", () => {
  const rng = new SeededRandom(2027);

  it("CSV", () => {
    const csv = roadmapToCsv(sampleDocument());
    for (let i = 0; i < MUTATIONS; i++) survives(() => parseCsvPlan(mutate(csv, rng)));
  });

  it("MSPDI", () => {
    const xml = readFileSync("/work/shared/testdata/mspdi/Sample1.xml", "utf8");
    for (let i = 0; i < MUTATIONS; i++) survives(() => parseMspdi(mutate(xml, rng)));
  });

  it("JSON", () => {
    const json = JSON.stringify(sampleDocument());
    let parsed = 0;
    for (let i = 0; i < MUTATIONS; i++) {
      let value: unknown;
      try {
        value = JSON.parse(mutate(json, rng));
      } catch {
        continue; // not JSON at all: the route answers 400 before the importer runs
      }
      parsed++;
      survives(() => parseJsonPlan(value));
    }
    expect(parsed).toBeGreaterThan(10);
  });
});

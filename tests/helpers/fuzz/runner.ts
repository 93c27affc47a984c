import { changedTables, type Fingerprint } from "./fingerprint";
import type { FuzzCase } from "./requests";
import { answerProblems } from "./verdict";
import { describeWire, toWire, type FuzzWorld, type Send, type WireOptions } from "./wire";
import { buildWorld, mendWorld, type FuzzCast } from "./world";

export interface FuzzRunnerOptions {
  send: Send;
  cast: FuzzCast;
  wire: WireOptions;
  /** Reads the database's fingerprint; without it refused requests are not read back. */
  fingerprint?: () => Promise<Fingerprint>;
}

export interface CaseOutcome {
  status: number;
  /** What is wrong (empty: nothing); each names the request. */
  problems: string[];
}

/** Counts by variant and status class ("valid 2xx", "hostile 4xx", ...), and by status. */
export type Tally = Record<string, number>;

/**
 * Sends fuzz cases one at a time against a fixture world and judges each answer: no 5xx, api.md's
 * error shape, and a refusal leaves the database as it was.
 *
 * Reading the database back costs a query, so it is read around refused writes only: the baseline
 * is the fingerprint after the last read-back, valid as long as every request since was refused.
 * A refused GET is not read back on its own; a change it made would show at the next read-back,
 * whose message lists every request since the baseline (and `verifyQuiet` reads back at the end).
 * A successful request invalidates the baseline, and a successful write may have broken the world
 * (a member removed, the team deleted): it is mended or rebuilt before the next case.
 */
export class FuzzRunner {
  readonly tally: Tally = {};
  mended = 0;
  /** The requests after which a team had to be built afresh (a team deleted, say). */
  readonly rebuiltAfter: string[] = [];
  private baseline?: Fingerprint;
  private sinceBaseline: string[] = [];

  private constructor(
    private readonly options: FuzzRunnerOptions,
    public world: FuzzWorld,
  ) {}

  static async start(options: FuzzRunnerOptions): Promise<FuzzRunner> {
    return new FuzzRunner(options, await buildWorld(options.send, options.cast, "fuzz"));
  }

  private async readBack(status: number): Promise<string[]> {
    if (!this.options.fingerprint || !this.baseline) return [];
    const after = await this.options.fingerprint();
    const changed = changedTables(this.baseline, after);
    const since = this.sinceBaseline;
    this.baseline = after;
    this.sinceBaseline = [];
    if (changed.length === 0) return [];
    return [
      `refused (${status}), yet ${changed.join(", ")} changed; requests since the last read-back:\n    ${since.join("\n    ")}`,
    ];
  }

  async run(c: FuzzCase): Promise<CaseOutcome> {
    const req = toWire(c, this.world, this.options.wire);
    const write = req.method !== "GET";
    if (write && this.options.fingerprint && !this.baseline) this.baseline = await this.options.fingerprint();
    const res = await this.options.send(req);
    this.sinceBaseline.push(`${req.method} ${req.path.slice(0, 120)} -> ${res.status}`);
    const problems = answerProblems(res);
    if (res.status < 400) {
      this.baseline = undefined;
      this.sinceBaseline = [];
    } else if (write) {
      problems.push(...(await this.readBack(res.status)));
    }
    const statusClass = `${Math.floor(res.status / 100)}xx`;
    for (const k of [`${c.variant} ${statusClass}`, `status ${res.status}`])
      this.tally[k] = (this.tally[k] ?? 0) + 1;

    if (res.status < 300 && write) {
      const mending = await mendWorld(this.options.send, this.world, this.options.cast);
      if (mending === "mended") this.mended++;
      if (mending === "rebuilt") this.rebuiltAfter.push(c.key);
    }
    const answer = res.text.length > 400 ? `${res.text.slice(0, 400)}...` : res.text;
    return {
      status: res.status,
      problems: problems.map(
        (p) =>
          `${p}\n  ${c.variant} request (as ${c.who}): ${describeWire(req)}\n  answer ${res.status}: ${answer}`,
      ),
    };
  }

  /** Reads back after refused reads that no write has been read back after since. */
  async verifyQuiet(): Promise<string[]> {
    return this.sinceBaseline.length > 0 ? this.readBack(0) : [];
  }
}

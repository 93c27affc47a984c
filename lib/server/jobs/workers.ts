import { database } from "../database";
import { mailSender } from "../mail/transport";
import { startJobRunner, type JobRunner } from "./job-runner";

// One set of workers per process (Next may load this module more than once).
const state = globalThis as unknown as { __cairnWorkers?: Promise<JobRunner | null> };

/** Starts the queue's workers with the server, unless CAIRN_WORKERS=0 (a web-only instance). */
export function startWorkers(): Promise<JobRunner | null> {
  state.__cairnWorkers ??= (async () => {
    if (process.env.CAIRN_WORKERS === "0") return null;
    return startJobRunner(await database(), { send: mailSender() });
  })();
  return state.__cairnWorkers;
}

export async function stopWorkers(): Promise<void> {
  const runner = await state.__cairnWorkers;
  state.__cairnWorkers = undefined;
  await runner?.stop();
}

// A worker thread of bench/live-events.mjs: opens clients from..to of the roadmap's event stream
// (even ones on the first instance, odd ones on the second) and reports, for each version of the
// watched item, when it reached them (wall-clock ms), once all of this thread's clients have it.
import { parentPort, workerData } from "node:worker_threads";
import { openStream } from "./sse-client.mjs";

const { bases, from, to, token, roadmapId, itemId } = workerData;
const count = to - from;
const seen = new Map();
for (let i = from; i < to; i++) {
  await openStream(bases[i % 2], token, roadmapId, (event, at) => {
    if (event.type !== "updated" || event.id !== itemId) return;
    const times = seen.get(event.version) ?? [];
    times.push(at);
    seen.set(event.version, times);
    if (times.length === count) {
      parentPort.postMessage({ version: event.version, at: times });
      seen.delete(event.version);
    }
  });
}
parentPort.postMessage({ ready: true });

// vitest globalSetup: the worker-thread bundles (.workers/) that integration tests run, built once
// before any test file, from the sources as they are now.
import { buildWorkers } from "../../scripts/build-workers.mjs";

export default async function setup() {
  await buildWorkers();
}

// The picture worker's entry: draws pictures, PDFs and decks (lib/exports/timeline/picture-job.ts),
// one job after another, as a warm worker of the picture pool (lib/server/picture-draw.ts). It runs
// in a worker thread with its own heap and each job has a deadline, so a large picture never holds
// up the server's event loop. Bundled to .workers/picture.mjs by scripts/build-workers.mjs, with
// the packages that load native code or read their own data files left outside the bundle.

import { drawPicture } from "../timeline/picture-job";
import { servePictureJobs } from "./serve-tasks";

servePictureJobs(drawPicture);

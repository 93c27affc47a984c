// The PNG worker's entry: like picture.worker.ts but for PNGs only, so that it never loads the PDF
// and deck writers (pdfkit, pptxgenjs): it starts sooner and holds a smaller heap. Bundled to
// .workers/picture-png.mjs by scripts/build-workers.mjs.

import { drawPngJob } from "../timeline/picture-png-job";
import { servePictureJobs } from "./serve-tasks";

servePictureJobs(async (job, fonts) => drawPngJob(job, fonts.shaper));

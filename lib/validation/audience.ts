/** Who a review, feedback round, share link or dashboard is for. */
import { z } from "zod";
import { AUDIENCES } from "./communication-kinds";

export const audienceSchema = z.enum(AUDIENCES, {
  error: 'audience must be "executive", "engineering" or "product".',
});

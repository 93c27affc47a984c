import { z } from "zod";

/** A calendar date, YYYY-MM-DD, that exists (no 2027-02-30). */
export const isoDateSchema = z
  .string({ error: "Dates must be text in the form YYYY-MM-DD." })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Use the form YYYY-MM-DD, e.g. 2027-03-01.", abort: true })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "This date does not exist.")
  .meta({ format: "date" });

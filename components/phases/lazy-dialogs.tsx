"use client";

import { lazyDialog } from "@/components/ui/lazy-dialog";

// The phase and gate-decision dialogs (their forms, and the API's phase schema they check with)
// are fetched when first opened: not the phases page's first-load JavaScript.
export const PhaseFormDialog = lazyDialog(() => import("./phase-form-dialog").then((m) => m.PhaseFormDialog));
export const DecisionDialog = lazyDialog(() => import("./decision-dialog").then((m) => m.DecisionDialog));

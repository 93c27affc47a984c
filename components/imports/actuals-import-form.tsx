"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { pluralize } from "@/lib/client/format";
import { importActualsFile, type ActualsImportResult, type ImportProgress } from "@/lib/client/imports";
import { queryKeys } from "@/lib/client/query-keys";
import { FileDropZone } from "./file-drop-zone";
import { ImportError } from "./import-error";
import { ImportProgressBar } from "./import-progress";

type State =
  | { kind: "idle" }
  | { kind: "running"; progress: ImportProgress | null }
  | { kind: "failed"; error: unknown }
  | { kind: "done"; result: ActualsImportResult };

const hours = (h: number) => `${h.toLocaleString(undefined, { maximumFractionDigits: 2 })} hours`;

/**
 * Upload a CSV of actuals into this roadmap (issue #18): choose or drop it, watch it import, read
 * what was written; a refused file lists each bad row by its line, and nothing was written.
 */
export function ActualsImportForm({ roadmapId }: { roadmapId: string }) {
  const queryClient = useQueryClient();
  const labelId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ kind: "idle" });
  const [missingFile, setMissingFile] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (state.kind === "running") return;
    if (!file) return setMissingFile(true);
    setState({ kind: "running", progress: null });
    try {
      const result = await importActualsFile(roadmapId, file, {
        onProgress: (progress) => setState({ kind: "running", progress }),
      });
      setState({ kind: "done", result });
      setFile(null);
      // The board's items carry the actual dates; their time entries are under the roadmap's key.
      await queryClient.invalidateQueries({ queryKey: queryKeys.board(roadmapId).slice(0, 2) });
    } catch (error) {
      setState({ kind: "failed", error });
    }
  }

  const running = state.kind === "running";
  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-5" aria-busy={running}>
      {state.kind === "failed" && (
        <ImportError
          error={state.error}
          broken="Some rows name what Cairn can’t find, or dates that can’t be"
        />
      )}
      {state.kind === "done" && (
        <Alert tone="success" title="Actuals imported">
          {pluralize(state.result.timeEntries, "time entry", "time entries")} (
          {hours(state.result.totalHours)}) and the actual dates of {pluralize(state.result.items, "item")}.
        </Alert>
      )}
      <div className="flex flex-col gap-1.5">
        <p id={labelId} className="text-[13px] font-medium text-ink">
          CSV file
        </p>
        <FileDropZone
          accept=".csv,text/csv"
          file={file}
          disabled={running}
          labelledBy={labelId}
          describedBy={missingFile ? `${labelId}-missing` : undefined}
          onFile={(chosen) => {
            setFile(chosen);
            setMissingFile(false);
            if (state.kind !== "running") setState({ kind: "idle" });
          }}
        />
        {missingFile && (
          <p id={`${labelId}-missing`} role="alert" className="text-[13px] text-danger-700">
            Choose a CSV file to import first.
          </p>
        )}
      </div>
      {running && <ImportProgressBar progress={state.progress} what="the hours" />}
      <div>
        <Button type="submit" variant="primary" loading={running}>
          {running ? "Importing…" : "Import actuals"}
        </Button>
      </div>
    </form>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import {
  IMPORT_ACCEPT,
  importRoadmapFile,
  type ImportProgress,
  type ImportResult,
} from "@/lib/client/imports";
import { FileDropZone } from "./file-drop-zone";
import { ImportError } from "./import-error";
import { ImportProgressBar } from "./import-progress";
import { ImportReport } from "./import-report";

type State =
  | { kind: "idle" }
  | { kind: "running"; progress: ImportProgress | null }
  | { kind: "failed"; error: unknown }
  | { kind: "done"; result: ImportResult };

/** Upload a plan file: choose or drop it, optionally retitle it, watch it import, read the report. */
export function ImportForm({ teamId }: { teamId: string }) {
  const router = useRouter();
  const hintId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState("");
  const [state, setState] = useState<State>({ kind: "idle" });
  const [missingFile, setMissingFile] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (state.kind === "running") return;
    if (!file) {
      setMissingFile(true);
      return;
    }
    setState({ kind: "running", progress: null });
    try {
      const result = await importRoadmapFile(teamId, file, {
        title,
        onProgress: (progress) => setState({ kind: "running", progress }),
      });
      setState({ kind: "done", result });
      // The team's roadmap list, cached by the router, now has one more.
      router.refresh();
    } catch (error) {
      setState({ kind: "failed", error });
    }
  }

  function startOver() {
    setFile(null);
    setTitle("");
    setState({ kind: "idle" });
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLInputElement>("input[type=file]")?.focus(),
    );
  }

  if (state.kind === "done") return <ImportReport result={state.result} onAgain={startOver} />;

  const running = state.kind === "running";
  return (
    <form ref={formRef} noValidate onSubmit={submit} className="flex flex-col gap-5" aria-busy={running}>
      {state.kind === "failed" && <ImportError error={state.error} />}
      <div className="flex flex-col gap-1.5">
        <p id={`${hintId}-label`} className="text-[13px] font-medium text-ink">
          Plan file
        </p>
        <FileDropZone
          accept={IMPORT_ACCEPT}
          file={file}
          disabled={running}
          labelledBy={`${hintId}-label`}
          describedBy={missingFile ? `${hintId}-missing` : undefined}
          onFile={(chosen) => {
            setFile(chosen);
            setMissingFile(false);
            if (state.kind === "failed") setState({ kind: "idle" });
          }}
        />
        {missingFile && (
          <p id={`${hintId}-missing`} role="alert" className="text-[13px] text-danger-700">
            Choose a file to import first.
          </p>
        )}
      </div>
      <Field label="Title" optional hint="Leave empty to use the title in the file (or the file’s name).">
        {(control) => (
          <Input
            {...control}
            maxLength={200}
            autoComplete="off"
            value={title}
            disabled={running}
            onChange={(e) => setTitle(e.target.value)}
          />
        )}
      </Field>
      {running && <ImportProgressBar progress={state.progress} />}
      <div>
        <Button type="submit" variant="primary" loading={running}>
          {running ? "Importing…" : "Import roadmap"}
        </Button>
      </div>
    </form>
  );
}

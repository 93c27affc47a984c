import { Alert } from "@/components/ui/alert";
import { ApiError, errorMessage } from "@/lib/client/api";

/** A headline per refusal; the server's sentence says the specifics. */
function headline(error: unknown, broken: string): string {
  if (!(error instanceof ApiError)) return "The import failed";
  if (error.status === 413) return "The file is larger than 10 MiB";
  if (error.status === 415) return "Cairn can’t read this kind of file";
  if (error.code === "unsafe_xml")
    return "This XML declares entities or a DOCTYPE, which Cairn refuses for safety";
  if (error.status === 400) return "The file could not be read";
  if (error.status === 403) return "You can’t import into this team";
  if (error.status === 422) return broken;
  return "The import failed";
}

/** The problems the server named: a 400's fields, or a 422's rows (an actuals file's lines). */
function rowIssues(error: ApiError): { path?: string; message: string }[] {
  if (error.status !== 422 || !Array.isArray(error.details)) return error.issues;
  return (error.details as unknown[]).filter(
    (d): d is { path?: string; message: string } =>
      typeof d === "object" && d !== null && typeof (d as { message?: unknown }).message === "string",
  );
}

/** Why the import was refused, with each problem the server named (400 details). */
export function ImportError({
  error,
  broken = "The plan breaks a rule of roadmaps",
}: {
  error: unknown;
  /** The headline of a 422: what kind of rule the file broke. */
  broken?: string;
}) {
  const issues = error instanceof ApiError ? rowIssues(error) : [];
  const unsafe = error instanceof ApiError && error.code === "unsafe_xml";
  return (
    <Alert tone="error" title={headline(error, broken)}>
      <p>{errorMessage(error)}</p>
      {unsafe && (
        <p className="mt-1">
          Export the plan again from Microsoft Project as plain “XML Format”, without a DOCTYPE.
        </p>
      )}
      {issues.length > 0 && (
        <ul className="mt-1.5 ml-4 list-disc">
          {issues.slice(0, 10).map((issue, i) => (
            <li key={i}>
              {issue.path && <span className="font-medium">{issue.path}: </span>}
              {issue.message}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

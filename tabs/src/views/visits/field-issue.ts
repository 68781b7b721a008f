/** The message of a field's validation issue, also when it is about one line of a list field (`mandates.0`). */
import { ApiProblem } from "../../api/client";
import { issueFor } from "../../components/ProblemBar";

export function listIssueFor(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiProblem)) return undefined;
  return issueFor(error, field) ?? error.issues.find((issue) => issue.path.startsWith(`${field}.`) || issue.path.includes(`.${field}.`))?.message;
}

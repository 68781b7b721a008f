import { isDomainError, type DomainError, type ValidationError } from "../../core/errors";
import type { Translator } from "./translate";

/** What a person did when core refused: the same code reads differently for an answer and a decision. */
export type Attempt = "answer" | "request-change" | "decide" | "view" | "other";

function validationWords(error: ValidationError, tr: Translator, attempt: Attempt): string {
  const issue = error.issues[0];
  if (issue && /^text$|\.text$/.test(issue.path) && /at most/.test(issue.message)) return tr.t("error.answerTooLong", { max: 20_000 });
  if (issue && /^text$|\.text$/.test(issue.path)) return tr.t("error.answerEmpty");
  if (issue && /comment/.test(issue.path) && attempt === "decide") return tr.t("error.returnNeedsComment");
  if (issue && /^attachments\.\d+\.fileId$/.test(issue.path)) return tr.t("error.fileNotFound");
  return tr.t("error.validation", { detail: error.message });
}

/** Core's typed errors in plain words (the edge is the only place they become words). */
export function errorWords(error: unknown, tr: Translator, attempt: Attempt): string {
  if (!isDomainError(error)) return tr.t("error.unexpected");
  const domain = error as DomainError;
  switch (domain.code) {
    case "validation":
      return validationWords(domain as ValidationError, tr, attempt);
    case "forbidden":
      if (attempt === "answer" || attempt === "request-change") return tr.t("error.notYourMinistry");
      if (attempt === "decide") return tr.t("error.onlyChair");
      return tr.t("error.forbidden", { reason: domain.message });
    case "not_found":
      return (domain as DomainError & { entity?: string }).entity === "File" ? tr.t("error.fileNotFound") : tr.t("error.notFound");
    case "invalid_state":
      if ((attempt === "answer" || attempt === "request-change") && /closed/.test(domain.message)) return tr.t("error.requestClosed");
      return tr.t("error.invalidState", { reason: domain.message });
    case "concurrency":
      return tr.t("error.concurrency");
    case "needs_attention":
      return tr.t("error.needsAttention");
    case "conflict":
      return tr.t("error.conflict");
    case "throttled":
    case "unavailable":
      return tr.t("error.unavailable");
    case "unauthenticated":
      return tr.t("error.forbidden", { reason: domain.message });
  }
}

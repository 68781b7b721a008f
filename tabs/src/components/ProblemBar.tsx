/** An API problem in plain words, as a Fluent message bar: what happened, what the server said, what to do. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { ApiProblem } from "../api/client";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/i18n";

const useStyles = makeStyles({
  bar: { marginBlock: tokens.spacingVerticalS },
  issues: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  reference: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

const TITLES: Record<string, MessageKey> = {
  validation: "problem.validation",
  unauthenticated: "problem.unauthenticated",
  forbidden: "problem.forbidden",
  not_found: "problem.not_found",
  concurrency: "problem.concurrency",
  conflict: "problem.conflict",
  invalid_state: "problem.invalid_state",
  needs_attention: "problem.needs_attention",
  too_large: "problem.too_large",
  unsupported_media_type: "problem.unsupported_media_type",
  rate_limited: "problem.rate_limited",
  throttled: "problem.throttled",
  unavailable: "problem.unavailable",
  network: "problem.network",
};

export interface ProblemBarProps {
  error: unknown;
  onRetry?: () => void;
  onDismiss?: () => void;
}

export function ProblemBar({ error, onRetry, onDismiss }: ProblemBarProps) {
  const styles = useStyles();
  const { t } = useI18n();
  if (!error) return null;
  const problem = error instanceof ApiProblem ? error : undefined;
  const title = t(TITLES[problem?.code ?? ""] ?? "problem.internal");
  const detail = problem ? problem.message : error instanceof Error ? error.message : String(error);
  const warning = problem?.code === "concurrency" || problem?.code === "validation" || problem?.code === "conflict" || problem?.code === "invalid_state" || problem?.code === "needs_attention";
  return (
    <MessageBar intent={warning ? "warning" : "error"} className={styles.bar} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle> {detail}
        {problem && problem.issues.length > 0 && (
          <ul className={styles.issues}>
            {problem.issues.slice(0, 8).map((issue) => (
              <li key={issue.path + issue.message}>{issue.message}</li>
            ))}
          </ul>
        )}
        {problem?.requestId && <div className={styles.reference}>{t("problem.reference", { id: problem.requestId })}</div>}
      </MessageBarBody>
      {(onRetry || onDismiss) && (
        <MessageBarActions>
          {onRetry && <Button onClick={onRetry}>{t("action.retry")}</Button>}
          {onDismiss && <Button appearance="transparent" onClick={onDismiss}>{t("action.dismiss")}</Button>}
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

/** The message a field's validation issue carries, for a field's `validationMessage`. */
export function issueFor(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiProblem)) return undefined;
  return error.issues.find((issue) => issue.path === field || issue.path.endsWith(`.${field}`))?.message;
}

import { Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { useI18n } from "../i18n/i18n";

const useStyles = makeStyles({ root: { padding: tokens.spacingVerticalXXL, display: "flex", justifyContent: "center" } });

/** A spinner with words for screen readers, while a view or its data loads. */
export function Loading({ label }: { label?: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <div className={styles.root} role="status" aria-live="polite">
      <Spinner size="small" label={label ?? t("common.loading")} />
    </div>
  );
}

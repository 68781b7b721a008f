import { makeStyles, tokens, Title2, Body1 } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  root: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", justifyContent: "space-between", gap: tokens.spacingHorizontalM, marginBlockEnd: tokens.spacingVerticalL },
  text: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  description: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** A view's heading (the page's h1), a line saying what it is for, and its main actions. */
export function PageHeader({ title, description, actions }: { title: string; description?: string; actions?: ReactNode }) {
  const styles = useStyles();
  return (
    <header className={styles.root}>
      <div className={styles.text}>
        <Title2 as="h1">{title}</Title2>
        {description && <Body1 className={styles.description}>{description}</Body1>}
      </div>
      {actions && <div className={styles.actions}>{actions}</div>}
    </header>
  );
}

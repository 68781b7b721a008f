/**
 * The channel tab's configuration page (Teams `pages.config`): says what the tab is and lets
 * the person save it; the host then shows the tab at the app's address.
 */
import { Body1, Checkbox, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { PageHeader } from "../../components/PageHeader";
import { useI18n } from "../../i18n/i18n";
import { useSession } from "../../shell/session";

const useStyles = makeStyles({ root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "640px" } });

export default function ConfigView() {
  const styles = useStyles();
  const { t } = useI18n();
  const { host } = useSession();
  const [confirmed, setConfirmed] = useState(true);
  const [registered] = useState(() => {
    const origin = window.location.origin;
    return host.configure?.({ entityId: "nmirf-channel", contentUrl: `${origin}/overview?host=teams`, websiteUrl: `${origin}/overview`, suggestedDisplayName: t("app.name") });
  });
  useEffect(() => registered?.setValid(confirmed), [registered, confirmed]);
  return (
    <div className={styles.root}>
      <PageHeader title={t("config.title")} description={t("config.description")} />
      <Body1>{host.configure ? t("config.inTeams") : t("config.notInTeams")}</Body1>
      <Checkbox checked={confirmed} onChange={(_, d) => setConfirmed(Boolean(d.checked))} label={t("config.confirm")} />
    </div>
  );
}

/** Shares a link to a record: the host's deep link dialog in Teams, the page's URL copied in a browser. */
import { Button } from "@fluentui/react-components";
import { useState } from "react";
import { useI18n } from "../i18n/i18n";
import { hrefOf } from "../shell/router";
import { useSession } from "../shell/session";

export function ShareLinkButton({ subPageId, path, label }: { subPageId: string; path: string; label: string }) {
  const { t } = useI18n();
  const { host } = useSession();
  const [copied, setCopied] = useState(false);
  const webUrl = new URL(hrefOf(path), window.location.origin).toString();
  const share = () => {
    if (host.shareDeepLink) {
      host.shareDeepLink(subPageId, label, webUrl);
      return;
    }
    void navigator.clipboard?.writeText(webUrl).then(() => setCopied(true), () => setCopied(false));
  };
  return (
    <Button appearance="subtle" onClick={share} aria-live="polite">
      {copied ? t("share.copied") : t("share.link")}
    </Button>
  );
}

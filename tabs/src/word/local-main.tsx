/** Starts local mode's stand-in for Word (/word/local.html): the browser's language and theme, as the tab in a browser. */
import { createRoot } from "react-dom/client";
import { browserHost } from "../host/host";
import { languageOf } from "../i18n/format";
import { loadMessages } from "../i18n/message-loaders";
import { loadTheme } from "../shell/themes";
import { LocalWordApp } from "./LocalWord";

const container = document.getElementById("root");
if (container) {
  const { info } = browserHost(window);
  void Promise.all([loadTheme(info.theme).catch(() => undefined), loadMessages("en"), loadMessages(languageOf(info.locale)).catch(() => undefined)]).then(() =>
    createRoot(container).render(<LocalWordApp locale={info.locale} theme={info.theme} />),
  );
}

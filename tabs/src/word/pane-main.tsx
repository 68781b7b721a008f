/** Starts the Word task pane: reads the document open through Office.js, loads Word's language and theme, then renders. */
import { createRoot } from "react-dom/client";
import { languageOf } from "../i18n/format";
import { loadMessages } from "../i18n/message-loaders";
import { loadTheme } from "../shell/themes";
import { readOpenDocument, type OfficeSubset, type WordSubset } from "./office";
import { PaneApp } from "./PaneApp";

const container = document.getElementById("root");
if (container) {
  const root = createRoot(container);
  void readOpenDocument(window as Window & { Office?: OfficeSubset; Word?: WordSubset })
    .catch(() => undefined)
    .then(async (opened) => {
      const locale = opened?.locale ?? window.navigator.language ?? "en";
      const theme = opened?.theme ?? "light";
      await Promise.all([loadTheme(theme).catch(() => undefined), loadMessages("en"), loadMessages(languageOf(locale)).catch(() => undefined)]);
      root.render(<PaneApp document={opened} locale={locale} theme={theme} />);
    });
}

/** Starts the tab: connects to the host (or sees it is a plain browser), then renders. */
import { createRoot } from "react-dom/client";
import { bootSettled } from "./api/boot";
import { languageOf } from "./i18n/format";
import { loadMessages } from "./i18n/message-loaders";
import { connectHost } from "./host/host";
import { App, followThemeInNativeControls } from "./shell/App";
import { parseRoute } from "./shell/router";
import { preloadView } from "./shell/Shell";
import { loadTheme } from "./shell/themes";

/**
 * How long the first render waits for the calls boot.js started and the view's code: drawn
 * with its data rather than spinner by spinner, and never held back longer than this.
 */
const FIRST_RENDER_WAIT_MS = 600;

// The view the address names loads while the host connects and the person signs in.
const viewCode = preloadView(parseRoute(window.location.pathname, window.location.search).view);

const container = document.getElementById("root");
if (container) {
  const root = createRoot(container);
  const ready = Promise.race([Promise.all([bootSettled(), viewCode]), new Promise((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS))]);
  const hosted = connectHost(window).then(async (host) => {
    // The person's words and theme are in before the first render (each its own small chunk, fetched together).
    await Promise.all([loadTheme(host.info.theme).catch(() => undefined), loadMessages(languageOf(host.info.locale)).catch(() => loadMessages("en"))]);
    followThemeInNativeControls(host.info.theme);
    return host;
  });
  void Promise.all([hosted, ready]).then(([host]) => root.render(<App host={host} />));
}

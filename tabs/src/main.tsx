/** Starts the tab: connects to the host (or sees it is a plain browser), then renders. */
import { createRoot } from "react-dom/client";
import { connectHost } from "./host/host";
import { App } from "./shell/App";
import { parseRoute } from "./shell/router";
import { preloadView } from "./shell/Shell";

// The view the address names loads while the host connects and the person signs in.
preloadView(parseRoute(window.location.pathname, window.location.search).view);

const container = document.getElementById("root");
if (container) {
  const root = createRoot(container);
  void connectHost(window).then((host) => root.render(<App host={host} />));
}

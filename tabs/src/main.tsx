/** Starts the tab: connects to the host (or sees it is a plain browser), then renders. */
import { createRoot } from "react-dom/client";
import { connectHost } from "./host/host";
import { App } from "./shell/App";

const container = document.getElementById("root");
if (container) {
  const root = createRoot(container);
  void connectHost(window).then((host) => root.render(<App host={host} />));
}

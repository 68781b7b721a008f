/**
 * Where the tab runs: inside a Microsoft 365 host (Teams, Outlook, the Microsoft 365 app, a
 * SharePoint page) through teams-js, or in a plain browser (local mode). teams-js is loaded only
 * when the page looks hosted, so a browser does not pay for it.
 */
export type HostKind = "teams" | "outlook" | "office" | "sharepoint" | "browser";
export type ThemeName = "light" | "dark" | "contrast";

export interface HostInfo {
  kind: HostKind;
  /** The locale the host gives (e.g. `fr-FR`), or the browser's. */
  locale: string;
  theme: ThemeName;
  /** The signed-in person as the host knows them (a hint; the API's /api/me is the truth). */
  user?: { id?: string; displayName?: string; loginHint?: string };
  /** A deep link's target, e.g. `recommendation:42` (Teams `subPageId`). */
  subPageId?: string;
  /** `content`, `settings` (the channel tab's configuration page) or `remove`. */
  frameContext?: string;
  /** The Teams app's id and the tab's entity id, to build deep links others can open. */
  appId?: string;
  pageId?: string;
}

export interface Host {
  info: HostInfo;
  /** Follows the host's theme changes (light, dark, high contrast). */
  onThemeChange(handler: (theme: ThemeName) => void): void;
  /** The SSO token for the API (`authentication.getAuthToken`); undefined in a plain browser. */
  getAuthToken?(): Promise<string>;
  /** A link to a recommendation, a report...: the host's share dialog, or undefined when it has none. */
  shareDeepLink?(subPageId: string, label: string, webUrl: string): void;
  /** The channel tab's configuration page: tells the host what to save. */
  configure?(config: { entityId: string; contentUrl: string; websiteUrl: string; suggestedDisplayName: string }): { setValid(valid: boolean): void };
}

export function themeOfHost(name: string | undefined): ThemeName {
  return name === "dark" ? "dark" : name === "contrast" ? "contrast" : "light";
}

export function hostKindOf(hostName: string | undefined, hasSharePointContext: boolean): HostKind {
  if (hasSharePointContext) return "sharepoint";
  switch (hostName) {
    case "Teams":
    case "TeamsModern":
      return "teams";
    case "Outlook":
    case "OutlookWin32":
      return "outlook";
    case "Office":
      return "office";
    default:
      return "teams";
  }
}

/** Whether the page is probably inside a Microsoft 365 host: framed, in a webview, or told so by the manifest's URL. */
export function looksHosted(win: Window): boolean {
  const params = new URLSearchParams(win.location.search);
  if (params.get("host") === "browser") return false;
  if (params.has("host")) return true;
  let framed = false;
  try {
    framed = win.self !== win.top;
  } catch {
    framed = true;
  }
  const webview = Boolean((win as unknown as { chrome?: { webview?: unknown } }).chrome?.webview) || "nativeInterface" in win;
  return framed || webview || /Teams\//.test(win.navigator.userAgent);
}

function browserTheme(win: Window): ThemeName {
  const stored = win.localStorage?.getItem("nmirf.theme");
  if (stored === "light" || stored === "dark" || stored === "contrast") return stored;
  if (win.matchMedia?.("(forced-colors: active)").matches) return "contrast";
  return win.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

export function browserHost(win: Window): Host {
  const params = new URLSearchParams(win.location.search);
  const locale = params.get("lang") ?? win.localStorage?.getItem("nmirf.locale") ?? win.navigator.language ?? "en";
  return {
    info: { kind: "browser", locale, theme: browserTheme(win) },
    onThemeChange(handler) {
      win.matchMedia?.("(prefers-color-scheme: dark)").addEventListener?.("change", (event) => {
        if (!win.localStorage?.getItem("nmirf.theme")) handler(event.matches ? "dark" : "light");
      });
    },
  };
}

const HOST_TIMEOUT_MS = 5_000;

/** Initializes teams-js; falls back to the browser when no host answers in time. */
export async function connectHost(win: Window): Promise<Host> {
  if (!looksHosted(win)) return browserHost(win);
  try {
    const teams = await import("@microsoft/teams-js");
    await Promise.race([
      teams.app.initialize(),
      new Promise((_, reject) => setTimeout(() => reject(new Error("no Microsoft 365 host answered")), HOST_TIMEOUT_MS)),
    ]);
    const context = await teams.app.getContext();
    teams.app.notifySuccess().catch(() => undefined);
    const info: HostInfo = {
      kind: hostKindOf(context.app.host.name, Boolean(context.sharePointSite?.teamSiteUrl) && context.app.host.name !== "Teams"),
      locale: context.app.locale || win.navigator.language || "en",
      theme: themeOfHost(context.app.theme),
      user: { id: context.user?.id, displayName: context.user?.displayName, loginHint: context.user?.loginHint },
      subPageId: context.page.subPageId || undefined,
      frameContext: context.page.frameContext,
      appId: context.app.appId?.toString(),
      pageId: context.page.id,
    };
    return {
      info,
      onThemeChange: (handler) => teams.app.registerOnThemeChangeHandler((theme) => handler(themeOfHost(theme))),
      getAuthToken: () => teams.authentication.getAuthToken(),
      shareDeepLink: teams.pages.isSupported()
        ? (subPageId, label, webUrl) => teams.pages.shareDeepLink({ subPageId, subPageLabel: label, subPageWebUrl: webUrl })
        : undefined,
      configure: (config) => {
        teams.pages.config.registerOnSaveHandler((event) => {
          teams.pages.config.setConfig(config).then(
            () => event.notifySuccess(),
            (error: unknown) => event.notifyFailure(error instanceof Error ? error.message : String(error)),
          );
        });
        return { setValid: (valid) => teams.pages.config.setValidityState(valid) };
      },
    };
  } catch {
    return browserHost(win);
  }
}

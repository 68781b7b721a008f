/**
 * The tab's root: the host's theme and locale (followed live), the sign-in, then the shell.
 */
import { FluentProvider, teamsLightTheme, type Theme } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import type { Host, ThemeName } from "../host/host";
import { I18nProvider, useI18n } from "../i18n/i18n";
import { SignIn } from "./SignIn";
import { loadedTheme, loadTheme } from "./themes";

export interface Preferences {
  theme: ThemeName;
  locale: string;
  /** In a browser the person chooses; in a host the host decides (and we follow it). */
  setTheme?(theme: ThemeName): void;
  setLocale?(locale: string): void;
}

export function App({ host }: { host: Host }) {
  const [theme, setThemeState] = useState<ThemeName>(host.info.theme);
  const [locale, setLocaleState] = useState(host.info.locale);

  useEffect(() => host.onThemeChange(setThemeState), [host]);

  const preferences: Preferences = useMemo(
    () => ({
      theme,
      locale,
      ...(host.info.kind === "browser"
        ? {
            setTheme: (next: ThemeName) => {
              window.localStorage.setItem("nmirf.theme", next);
              setThemeState(next);
            },
            setLocale: (next: string) => {
              window.localStorage.setItem("nmirf.locale", next);
              setLocaleState(next);
            },
          }
        : {}),
    }),
    [host, theme, locale],
  );

  return (
    <I18nProvider locale={locale}>
      <Themed theme={theme}>
        <SignIn host={host} preferences={preferences} />
      </Themed>
    </I18nProvider>
  );
}

function Themed({ theme, children }: { theme: ThemeName; children: React.ReactNode }) {
  const { dir, locale } = useI18n();
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = dir;
    document.documentElement.dataset.theme = theme;
    followThemeInNativeControls(theme);
  }, [dir, locale, theme]);
  // A theme not loaded yet: the one shown stays until it is in (main.tsx loads the first before rendering).
  const [shown, setShown] = useState<Theme>(() => loadedTheme(theme) ?? teamsLightTheme);
  useEffect(() => {
    let current = true;
    void loadTheme(theme).then((next) => current && setShown(next));
    return () => {
      current = false;
    };
  }, [theme]);
  return (
    <FluentProvider theme={loadedTheme(theme) ?? shown} dir={dir} style={{ minHeight: "100vh", display: "flex", flexDirection: "column" }}>
      {children}
    </FluentProvider>
  );
}

/**
 * The browser's own controls (the grid's checkboxes, scroll bars) follow the theme, not the
 * system's. main.tsx calls it before the first render: changing it afterwards restyles the page.
 */
export function followThemeInNativeControls(theme: ThemeName): void {
  const scheme = theme === "light" ? "light" : "dark";
  if (document.documentElement.style.colorScheme !== scheme) document.documentElement.style.colorScheme = scheme;
}

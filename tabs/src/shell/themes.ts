/**
 * The Fluent themes by name. The light theme is in the first load; the dark and high-contrast
 * ones (a fair share of the start-up code, built when imported) load when first asked for.
 */
import { teamsLightTheme, type Theme } from "@fluentui/react-components";
import type { ThemeName } from "../host/host";

const loaded: Partial<Record<ThemeName, Theme>> = { light: teamsLightTheme };

/** The theme when its code is in; undefined until then. */
export function loadedTheme(name: ThemeName): Theme | undefined {
  return loaded[name];
}

export async function loadTheme(name: ThemeName): Promise<Theme> {
  const ready = loaded[name];
  if (ready) return ready;
  const others = await import("./themes-other");
  loaded.dark = others.dark;
  loaded.contrast = others.contrast;
  return loaded[name] ?? teamsLightTheme;
}

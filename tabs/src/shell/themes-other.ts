/** The themes loaded on demand (see themes.ts). */
export { teamsDarkTheme as dark, teamsHighContrastTheme as contrast } from "@fluentui/react-components";

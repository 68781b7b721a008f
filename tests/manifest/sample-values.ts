/** The values an administrator's environment would hold, for the manifest's placeholders. */
export const SAMPLE_VALUES: Record<string, string> = {
  TEAMS_APP_ID: "3f1c2a9e-6b0d-4c53-9a57-0d7e5b1c8a21",
  PUBLISHER_NAME: "Ministry of Justice",
  PUBLISHER_URL: "https://www.justice.example.gov/nmirf",
  PRIVACY_URL: "https://www.justice.example.gov/privacy",
  TERMS_OF_USE_URL: "https://www.justice.example.gov/terms",
  APP_NAME_SUFFIX: "",
  TAB_DOMAIN: "nmirf-justice.azurewebsites.net",
  BOT_ID: "8d2e7c41-5f3a-4b69-8e12-7a9c0b3d6e54",
  AAD_APP_CLIENT_ID: "c0a84e12-93b7-4f2d-a6e5-1b8d9c7f3a06",
};

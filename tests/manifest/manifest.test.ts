import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { commandOf } from "../../bot/i18n/commands";
import { buildAppPackage, bundledSchemaPath, placeholdersOf } from "../../manifest/package";
import { SAMPLE_VALUES } from "./sample-values";

const root = path.join(__dirname, "..", "..");
const manifestDir = path.join(root, "manifest");
const readJson = (file: string) => JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
const template = readJson(path.join(manifestDir, "manifest.json"));
// The languages of the manifest: the UN languages the State reports in, and Portuguese (a national language).
const LANGUAGES = ["fr", "es", "ar", "pt"] as const;
const localizations = Object.fromEntries(LANGUAGES.map((l) => [l, readJson(path.join(manifestDir, `${l}.json`))])) as Record<(typeof LANGUAGES)[number], Record<string, string>>;


interface Manifest {
  $schema: string;
  manifestVersion: string;
  version: string;
  staticTabs: { entityId: string; name?: string; contentUrl?: string; scopes: string[] }[];
  configurableTabs: { configurationUrl: string; scopes: string[]; context?: string[]; supportedSharePointHosts?: string[] }[];
  bots: { botId: string; scopes: string[]; supportsFiles?: boolean; commandLists: { scopes: string[]; commands: { title: string; description?: string }[] }[] }[];
  webApplicationInfo: { id: string; resource: string };
  validDomains: string[];
  localizationInfo: { defaultLanguageTag: string; additionalLanguages: { languageTag: string; file: string }[] };
}

let filled: Manifest;
let fetchSpy: jest.SpyInstance;

beforeAll(async () => {
  // Validation must never reach the network: any fetch fails the test.
  fetchSpy = jest.spyOn(globalThis, "fetch").mockImplementation(() => Promise.reject(new Error("the manifest validation tried to reach the network")));
  filled = (await buildAppPackage({ values: SAMPLE_VALUES })).manifest as unknown as Manifest;
});

afterAll(() => fetchSpy.mockRestore());

describe("manifest/manifest.json", () => {
  test("is on the v1.30 schema, validated offline against the copy bundled with @microsoft/app-manifest", () => {
    expect(template.$schema).toBe("https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json");
    expect(template.manifestVersion).toBe("1.30");
    const schemaFile = bundledSchemaPath(template.$schema);
    expect(schemaFile && existsSync(schemaFile)).toBe(true);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  test("carries the product's version", () => {
    expect(filled.version).toBe((readJson(path.join(root, "package.json")) as { version: string }).version);
  });

  test("uses only placeholders an environment defines, and every id is a placeholder, not a value", () => {
    expect(placeholdersOf(JSON.stringify(template)).sort()).toEqual(Object.keys(SAMPLE_VALUES).sort());
    expect(template.id).toBe("${{TEAMS_APP_ID}}");
    expect(JSON.stringify(filled)).not.toContain("${{");
  });

  test("the personal tabs open the tab's Overview and the person's requests, on the tab's host", () => {
    const byId = Object.fromEntries(filled.staticTabs.map((t) => [t.entityId, t]));
    expect(byId.overview).toMatchObject({ name: "Overview", scopes: ["personal"] });
    expect(byId["my-requests"]).toMatchObject({ name: "My requests", scopes: ["personal"] });
    for (const tab of [byId.overview!, byId["my-requests"]!]) {
      const url = new URL(tab.contentUrl!);
      expect(url.host).toBe(SAMPLE_VALUES.TAB_DOMAIN);
      expect(url.searchParams.get("host")).toBe("teams");
    }
    expect(new URL(byId.overview!.contentUrl!).pathname).toBe("/overview");
    expect(new URL(byId["my-requests"]!.contentUrl!).pathname).toBe("/requests");
    // The chat with the bot sits next to them.
    expect(byId.conversations?.scopes).toEqual(["personal"]);
  });

  test("every page the manifest opens is one of the tab's routes (tabs/src/shell/router.ts)", () => {
    const router = readFileSync(path.join(root, "tabs", "src", "shell", "router.ts"), "utf8");
    const views = /const VIEWS: readonly ViewName\[\] = \[([^\]]+)\]/.exec(router)?.[1]?.match(/"([a-z-]+)"/g)?.map((v) => v.slice(1, -1)) ?? [];
    const opened = [...filled.staticTabs.flatMap((t) => (t.contentUrl ? [t.contentUrl] : [])), ...filled.configurableTabs.map((t) => t.configurationUrl)].map((u) => new URL(u).pathname.slice(1));
    expect(opened).toEqual(["overview", "requests", "config"]);
    for (const page of opened) expect(views).toContain(page);
  });

  test("the channel tab is configured on the tab's /config page and can also be added to SharePoint pages", () => {
    expect(filled.configurableTabs).toHaveLength(1);
    const tab = filled.configurableTabs[0]!;
    expect(tab.scopes).toEqual(["team"]);
    expect(new URL(tab.configurationUrl).pathname).toBe("/config");
    expect(new URL(tab.configurationUrl).host).toBe(SAMPLE_VALUES.TAB_DOMAIN);
    expect(tab.supportedSharePointHosts?.sort()).toEqual(["sharePointFullPage", "sharePointWebPart"]);
  });

  test("the bot works in personal chats and teams, takes files, and lists `my requests` and `help` (only `help` in a team)", () => {
    const bot = filled.bots[0]!;
    expect(bot.botId).toBe(SAMPLE_VALUES.BOT_ID);
    expect(bot.scopes.sort()).toEqual(["personal", "team"]);
    expect(bot.supportsFiles).toBe(true);
    const titles = (scope: string) => bot.commandLists.filter((l) => l.scopes.includes(scope)).flatMap((l) => l.commands.map((c) => c.title));
    expect(titles("personal")).toEqual(["my requests", "help"]);
    // A channel must not list one ministry's requests to everyone.
    expect(titles("team")).toEqual(["help"]);
  });

  test("every command a person can pick from the menu, in every language, is one the bot understands", () => {
    const expected = (title: string) => (title === "my requests" ? "myRequests" : "help");
    const bot = filled.bots[0]!;
    bot.commandLists.forEach((list, l) =>
      list.commands.forEach((command, c) => {
        expect(commandOf(command.title)).toBe(expected(command.title));
        for (const language of LANGUAGES) {
          const translated = localizations[language][`bots[0].commandLists[${l}].commands[${c}].title`];
          expect({ language, translated, understood: commandOf(translated ?? "") }).toEqual({ language, translated, understood: expected(command.title) });
        }
      }),
    );
  });

  test("single sign-on: the tab's Entra app and its application ID URI on the tab's host, matching aad.manifest.json", () => {
    expect(filled.webApplicationInfo).toEqual({ id: SAMPLE_VALUES.AAD_APP_CLIENT_ID, resource: `api://${SAMPLE_VALUES.TAB_DOMAIN}/${SAMPLE_VALUES.AAD_APP_CLIENT_ID}` });
    expect(filled.validDomains).toEqual([SAMPLE_VALUES.TAB_DOMAIN]);
    const aad = readJson(path.join(root, "aad.manifest.json")) as { identifierUris: string[] };
    expect(aad.identifierUris).toEqual([(template.webApplicationInfo as { resource: string }).resource]);
  });
});

describe("the localization files (fr, es, ar, pt)", () => {
  test("are declared in the manifest and each translates the same strings: names, descriptions, tab names, commands, the Word button", () => {
    expect(filled.localizationInfo.additionalLanguages).toEqual(LANGUAGES.map((l) => ({ languageTag: l, file: `${l}.json` })));
    const keys = (language: (typeof LANGUAGES)[number]) => Object.keys(localizations[language]).filter((k) => k !== "$schema").sort();
    const expectedKeys = [
      "name.short",
      "name.full",
      "description.short",
      "description.full",
      "staticTabs[0].name",
      "staticTabs[1].name",
      ...filled.bots[0]!.commandLists.flatMap((list, l) => list.commands.flatMap((_, c) => [`bots[0].commandLists[${l}].commands[${c}].title`, `bots[0].commandLists[${l}].commands[${c}].description`])),
      "extensions[0].ribbons[0].tabs[0].groups[0].label",
      "extensions[0].ribbons[0].tabs[0].groups[0].controls[0].label",
      "extensions[0].ribbons[0].tabs[0].groups[0].controls[0].supertip.title",
      "extensions[0].ribbons[0].tabs[0].groups[0].controls[0].supertip.description",
    ].sort();
    for (const language of LANGUAGES) expect({ language, keys: keys(language) }).toEqual({ language, keys: expectedKeys });
  });

  test("are valid against the v1.30 localization schema (buildAppPackage checked them above) and translate, not copy, the English", () => {
    // buildAppPackage validated them in beforeAll; check that they really differ from the English.
    for (const language of LANGUAGES) {
      const strings = localizations[language];
      expect(strings.$schema).toBe("https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.Localization.schema.json");
      expect(strings["description.full"]).not.toBe((template.description as { full: string }).full);
      expect(strings["staticTabs[1].name"]).not.toBe("My requests");
    }
    expect(localizations.ar["name.full"]).toMatch(/[\u0600-\u06FF]/);
  });
});

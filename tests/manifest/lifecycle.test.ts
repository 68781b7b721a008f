/**
 * The Teams Toolkit lifecycle files (teamsapp.yml, teamsapp.local.yml), the Entra app manifest
 * and the Azure template, checked without the toolkit or Azure: every action is one the toolkit
 * knows, with the parameters it takes; every `${{VAR}}` is defined by the environment's file or
 * written by an earlier step; what the administrator must fill in is documented; the App
 * Service's settings are settings the server reads, enough to start it in tenant mode.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { APP_ROLES } from "../../core/ports/directory";
import { placeholdersOf } from "../../manifest/package";
import { configFromEnvironment, environmentSchema } from "../../server/config/config";
import { parseEnvFile } from "../../server/config/env-files";
import { SAMPLE_VALUES } from "./sample-values";
import { STEP_KEYS, TEAMS_TOOLKIT_ACTIONS, TOOLKIT_BUILT_INS } from "./teams-toolkit-actions";

const root = path.join(__dirname, "..", "..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
const deployDoc = read("docs/deploy.md");
const bicep = read("infra/azure.bicep");

const LIFECYCLES = ["provision", "deploy", "publish"] as const;
type Lifecycle = (typeof LIFECYCLES)[number];

interface Step {
  uses: string;
  name?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}

const FILES = [
  { file: "teamsapp.yml", env: "dev" },
  { file: "teamsapp.local.yml", env: "local" },
] as const;

function lifecycleFile(file: string): Record<string, unknown> {
  return parse(read(file)) as Record<string, unknown>;
}

function stepsOf(doc: Record<string, unknown>): { lifecycle: Lifecycle; index: number; step: Step }[] {
  return LIFECYCLES.flatMap((lifecycle) => ((doc[lifecycle] as Step[] | undefined) ?? []).map((step, index) => ({ lifecycle, index, step })));
}

/** The Bicep template's parameters (with their decorators) and outputs. */
function bicepShape() {
  const params = new Map<string, { secure: boolean; hasDefault: boolean }>();
  let secureNext = false;
  for (const line of bicep.split("\n")) {
    if (/^@secure\(\)/.test(line)) secureNext = true;
    const param = /^param (\w+) \w+( =.*)?$/.exec(line);
    if (param) {
      params.set(param[1]!, { secure: secureNext, hasDefault: Boolean(param[2]) });
      secureNext = false;
    }
  }
  const outputs = [...bicep.matchAll(/^output (\w+) /gm)].map((m) => m[1]!);
  const settingsBlock = /resource appSettings [^\n]*\n([\s\S]*?)\n}\n/.exec(bicep)?.[1] ?? "";
  const appSettings = Object.fromEntries([...settingsBlock.matchAll(/^ {4}([A-Z][A-Z0-9_]*): (.+)$/gm)].map((m) => [m[1]!, m[2]!.trim()]));
  return { params, outputs, appSettings };
}

/** The files a step hands to the toolkit, whose placeholders the toolkit fills at that step. */
function filesReadBy(step: Step): string[] {
  const manifestPath = step.with?.manifestPath as string | undefined;
  switch (step.uses) {
    case "aadApp/update":
      return [manifestPath!];
    case "teamsApp/validateManifest":
    case "teamsApp/zipAppPackage": {
      const manifest = JSON.parse(read(manifestPath!)) as { localizationInfo?: { additionalLanguages?: { file: string }[] } };
      const dir = path.dirname(manifestPath!);
      return [manifestPath!, ...(manifest.localizationInfo?.additionalLanguages ?? []).map((l) => path.join(dir, l.file))];
    }
    case "arm/deploy":
      return (step.with!.templates as { parameters?: string }[]).flatMap((t) => (t.parameters ? [t.parameters] : []));
    default:
      return [];
  }
}

/** What a step writes to the environment. */
function writesOf(step: Step, envName: string): string[] {
  const shape = TEAMS_TOOLKIT_ACTIONS[step.uses];
  const written = [...Object.values(step.writeToEnvironmentFile ?? {}), ...(shape?.implicitWrites ?? [])];
  if (step.uses === "arm/deploy") written.push(...bicepShape().outputs);
  if (step.uses === "file/createOrUpdateEnvironmentFile") {
    const target = path.normalize(String(step.with!.target));
    if (target === path.normalize(`env/.env.${envName}`) || target === path.normalize(`env/.env.${envName}.user`)) written.push(...Object.keys(step.with!.envs as object));
  }
  return written;
}

describe.each(FILES)("$file", ({ file, env: envName }) => {
  const doc = lifecycleFile(file);
  const steps = stepsOf(doc);

  test("is a Teams Toolkit v1.8 project file with only the provision, deploy and publish lifecycles", () => {
    expect(doc.version).toBe("v1.8");
    expect(read(file)).toMatch(/^# yaml-language-server: \$schema=https:\/\/aka\.ms\/teams-toolkit\/v1\.8\/yaml\.schema\.json/);
    expect(doc.environmentFolderPath).toBe("./env");
    expect(Object.keys(doc).filter((k) => !["version", "environmentFolderPath", "additionalMetadata", "projectId", ...LIFECYCLES].includes(k))).toEqual([]);
    expect(steps.filter((s) => s.lifecycle === "provision").length).toBeGreaterThan(0);
  });

  test("uses only actions the toolkit knows, each with the parameters it takes and writing variables it may name", () => {
    const problems: string[] = [];
    for (const { lifecycle, index, step } of steps) {
      const where = `${lifecycle}[${index}] ${step.uses}`;
      const shape = TEAMS_TOOLKIT_ACTIONS[step.uses];
      if (!shape) {
        problems.push(`${where}: not a Teams Toolkit action`);
        continue;
      }
      for (const key of Object.keys(step)) if (!STEP_KEYS.includes(key)) problems.push(`${where}: unknown key '${key}'`);
      const given = Object.keys(step.with ?? {});
      for (const key of shape.required) if (!given.includes(key)) problems.push(`${where}: 'with.${key}' is required`);
      for (const key of given) if (![...shape.required, ...shape.optional].includes(key)) problems.push(`${where}: 'with.${key}' is not a parameter of this action`);
      const writes = step.writeToEnvironmentFile ?? {};
      for (const key of shape.writesRequired ?? []) if (!(key in writes)) problems.push(`${where}: 'writeToEnvironmentFile.${key}' is required`);
      for (const [key, variable] of Object.entries(writes)) {
        if (![...(shape.writesRequired ?? []), ...(shape.writesOptional ?? [])].includes(key)) problems.push(`${where}: writeToEnvironmentFile.${key} is not an output of this action`);
        const secret = shape.secretOutputs?.includes(key);
        if (!(secret ? /^SECRET_[A-Z0-9_]+$/ : /^[A-Z][A-Z0-9_]*$/).test(variable)) problems.push(`${where}: ${key} → '${variable}' must be ${secret ? "SECRET_…" : "an upper-case name"}`);
      }
      if (step.uses === "aadApp/create" && step.with?.generateClientSecret === true && !writes.clientSecret) problems.push(`${where}: a generated secret must be written somewhere`);
      for (const relative of [...filesReadBy(step), ...["ignoreFile"].flatMap((k) => (step.with?.[k] ? [String(step.with[k])] : []))]) {
        if (!existsSync(path.join(root, relative))) problems.push(`${where}: ${relative} does not exist`);
      }
      if (step.uses === "arm/deploy") for (const t of step.with!.templates as { path: string }[]) if (!existsSync(path.join(root, t.path))) problems.push(`${where}: ${t.path} does not exist`);
    }
    expect(problems).toEqual([]);
  });

  test("every ${{VAR}} it uses (in the file, aad.manifest.json, the app manifest and infra/) is defined by the time it is used", () => {
    const envValues = parseEnvFile(read(`env/.env.${envName}`));
    const writtenBy = new Map<string, { lifecycle: Lifecycle; index: number }>();
    for (const { lifecycle, index, step } of steps) for (const v of writesOf(step, envName)) if (!writtenBy.has(v)) writtenBy.set(v, { lifecycle, index });
    const documented = (v: string) => deployDoc.includes(`\`${v}\``);

    const written = new Set<string>();
    const problems: string[] = [];
    for (const { lifecycle, index, step } of steps) {
      const implicit = TEAMS_TOOLKIT_ACTIONS[step.uses]?.implicitWrites ?? [];
      implicit.forEach((v) => written.add(v));
      const used = new Set([...placeholdersOf(JSON.stringify(step)), ...filesReadBy(step).flatMap((f) => placeholdersOf(read(f)))]);
      for (const v of used) {
        if (written.has(v) || TOOLKIT_BUILT_INS.includes(v)) continue;
        const writer = writtenBy.get(v);
        const inFile = v in envValues;
        const filled = inFile && envValues[v]!.trim() !== "";
        const where = `${lifecycle}[${index}] ${step.uses} uses ${v}`;
        if (writer && writer.lifecycle === lifecycle) problems.push(`${where} before ${writer.lifecycle}[${writer.index}] writes it`);
        else if (writer && !(inFile && documented(v))) problems.push(`${where}, written only by a later lifecycle (${writer.lifecycle}): declare it in env/.env.${envName} and document it`);
        else if (!writer && !inFile) problems.push(`${where}: not in env/.env.${envName} and written by no earlier step`);
        else if (!writer && !filled && !documented(v)) problems.push(`${where}: empty in env/.env.${envName}, written by no step, and docs/deploy.md does not say who sets it`);
      }
      writesOf(step, envName).forEach((v) => written.add(v));
    }
    expect(problems).toEqual([]);
  });

  test("keeps secrets out of the committed environment file", () => {
    const envValues = parseEnvFile(read(`env/.env.${envName}`));
    expect(Object.keys(envValues).filter((k) => k.startsWith("SECRET_") || ["AAD_CLIENT_SECRET", "BOT_PASSWORD"].includes(k))).toEqual([]);
  });

  test("builds the package into build/ (git-ignored) and validates it before applying it", () => {
    const provision = steps.filter((s) => s.lifecycle === "provision").map((s) => s.step);
    const zip = provision.find((s) => s.uses === "teamsApp/zipAppPackage")!;
    expect(String(zip.with!.outputZipPath)).toMatch(/^\.\/build\//);
    const order = provision.map((s) => s.uses);
    expect(order.indexOf("teamsApp/validateManifest")).toBeLessThan(order.indexOf("teamsApp/zipAppPackage"));
    expect(order.indexOf("teamsApp/validateAppPackage")).toBeLessThan(order.indexOf("teamsApp/update"));
    expect(read(".gitignore")).toMatch(/^build\/$/m);
  });
});

describe("teamsapp.yml (Azure)", () => {
  const steps = stepsOf(lifecycleFile("teamsapp.yml"));
  const uses = (lifecycle: Lifecycle) => steps.filter((s) => s.lifecycle === lifecycle).map((s) => s.step.uses);

  test("provisions the Teams app, the two Entra apps, the Azure resources, then completes the Entra app and the package", () => {
    expect(uses("provision")).toEqual([
      "teamsApp/create",
      "aadApp/create",
      "aadApp/create",
      "arm/deploy",
      "aadApp/update",
      "teamsApp/validateManifest",
      "teamsApp/zipAppPackage",
      "teamsApp/validateAppPackage",
      "teamsApp/update",
    ]);
    const bots = steps.filter((s) => s.step.uses === "aadApp/create").map((s) => s.step);
    expect(bots.map((b) => b.with!.signInAudience)).toEqual(["AzureADMyOrg", "AzureADMyOrg"]);
    expect(bots[1]!.writeToEnvironmentFile).toMatchObject({ clientId: "BOT_ID", clientSecret: "SECRET_BOT_PASSWORD" });
  });

  test("deploys: installs, builds, provisions the site's lists with the built command line, uploads the build to the staging slot and swaps it in", () => {
    expect(uses("deploy")).toEqual(["cli/runNpmCommand", "cli/runNpmCommand", "cli/runNpmCommand", "azureAppService/zipDeploy", "script"]);
    const deploy = steps.filter((s) => s.lifecycle === "deploy").map((s) => s.step);
    expect(deploy[1]!.with!.args).toBe("run build");
    expect((JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts.build).toMatch(/scripts\/build\.ts/);
    expect(deploy[2]!.with!.args).toBe("exec -- node dist/bin/nmirf.js provision");
  });

  test("the list provisioning step gives the server a tenant-mode configuration it accepts", () => {
    const provisionLists = steps.find((s) => String(s.step.with?.args).endsWith("nmirf.js provision"))!.step;
    const keys = Object.keys(provisionLists.env!);
    expect(keys.filter((k) => !(k in environmentSchema.shape) && k !== "NMIRF_ENV")).toEqual([]);
    const sample = Object.fromEntries(keys.map((k) => [k, sampleServerValue(k, provisionLists.env![k]!)]));
    expect(() => configFromEnvironment(sample)).not.toThrow();
    expect(configFromEnvironment(sample).mode).toBe("tenant");
  });

  test("publishes the package to the organization's catalog and keeps its catalog id for the bot", () => {
    expect(uses("publish").at(-1)).toBe("teamsApp/publishAppPackage");
    const publish = steps.find((s) => s.step.uses === "teamsApp/publishAppPackage")!.step;
    expect(publish.writeToEnvironmentFile).toEqual({ publishedAppId: "TEAMS_APP_PUBLISHED_APP_ID" });
    const parameters = JSON.parse(read("infra/azure.parameters.json")) as { parameters: Record<string, { value: string }> };
    expect(parameters.parameters.teamsAppCatalogId!.value).toBe("${{TEAMS_APP_PUBLISHED_APP_ID}}");
  });

  test(".webappignore leaves node_modules, the build stamp and the environment files out of the upload, and keeps the built tab", () => {
    const ignored = read(".webappignore").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
    expect(ignored).toEqual(expect.arrayContaining(["node_modules/", ".build-stamp.json", "env/", ".data/", ".git/"]));
    expect(ignored.some((l) => l.startsWith("tabs"))).toBe(false);
  });
});

describe("teamsapp.local.yml (a dev tunnel to this machine)", () => {
  const steps = stepsOf(lifecycleFile("teamsapp.local.yml"));

  test("registers the bot with the Bot Framework at the tunnel's /api/messages, and hands the server its settings", () => {
    const bot = steps.find((s) => s.step.uses === "botFramework/create")!.step;
    expect(bot.with).toMatchObject({ botId: "${{BOT_ID}}", messagingEndpoint: "${{BOT_ENDPOINT}}/api/messages", channels: [{ name: "msteams" }] });
    const handOver = steps.find((s) => s.step.uses === "file/createOrUpdateEnvironmentFile")!.step;
    expect(handOver.with!.target).toBe("./env/.env.local.user");
    const keys = Object.keys(handOver.with!.envs as object);
    expect(keys.filter((k) => !(k in environmentSchema.shape))).toEqual([]);
    expect(keys).toEqual(expect.arrayContaining(["AAD_CLIENT_ID", "AAD_CLIENT_SECRET", "AAD_TENANT_ID", "BOT_PASSWORD"]));
  });

  test("leaves BOT_ID and TAB_DOMAIN empty in env/.env.local, so that `npm start` (local mode, no Teams) still starts", () => {
    const values = parseEnvFile(read("env/.env.local"));
    expect(values.BOT_ID).toBe("");
    expect(values.TAB_DOMAIN).toBe("");
    const config = configFromEnvironment(values);
    expect(config.mode).toBe("local");
    expect(config.bot.id).toBeUndefined();
    expect(config.publicBaseUrl).toBeUndefined();
  });
});

describe("infra/azure.bicep and its parameters", () => {
  const { params, outputs, appSettings } = bicepShape();
  const parameters = (JSON.parse(read("infra/azure.parameters.json")) as { parameters: Record<string, { value: string }> }).parameters;

  test("the parameters file gives every required parameter and only parameters the template has; secrets only to @secure() ones", () => {
    expect(Object.keys(parameters).filter((k) => !params.has(k))).toEqual([]);
    expect([...params].filter(([name, p]) => !p.hasDefault && !(name in parameters)).map(([name]) => name)).toEqual([]);
    for (const [name, { value }] of Object.entries(parameters)) {
      const secret = placeholdersOf(value).some((v) => v.startsWith("SECRET_"));
      expect({ name, secure: params.get(name)!.secure }).toEqual({ name, secure: secret });
    }
  });

  test("creates a Linux Node 24 LTS App Service running the build in tenant mode, and a single-tenant Azure Bot on its /api/messages with the Teams channel", () => {
    expect(bicep).toMatch(/var nodeStack = 'NODE\|24-lts'/);
    expect(bicep.match(/linuxFxVersion: nodeStack/g)).toHaveLength(2);
    expect(bicep).toMatch(/var startCommand = 'node --enable-source-maps bin\/nmirf\.js start --tenant'/);
    expect(bicep.match(/appCommandLine: startCommand/g)).toHaveLength(2);
    expect(bicep).toMatch(/httpsOnly: true/);
    expect(bicep).toMatch(/alwaysOn: true/);
    expect(bicep).toMatch(/resource bot 'Microsoft\.BotService\/botServices@[\d-]+'/);
    expect(bicep).toMatch(/msaAppType: 'SingleTenant'/);
    expect(bicep).toMatch(/endpoint: 'https:\/\/\$\{webApp\.properties\.defaultHostName\}\/api\/messages'/);
    expect(bicep).toMatch(/channelName: 'MsTeamsChannel'/);
    expect(outputs).toEqual(expect.arrayContaining(["AZURE_APP_SERVICE_RESOURCE_ID", "AZURE_APP_SERVICE_NAME", "AZURE_APP_SERVICE_STAGING_RESOURCE_ID", "TAB_DOMAIN", "BOT_DOMAIN"]));
  });

  test("runs two instances by default, with a staging slot that does no background work and is swapped in once it is ready", () => {
    expect(bicep).toMatch(/param instanceCount int = 2/);
    expect(bicep).toMatch(/capacity: instanceCount/);
    expect(bicep).not.toMatch(/'B1'/); // slots need Standard or above
    expect(bicep).toMatch(/resource stagingSlot 'Microsoft\.Web\/sites\/slots@[\d-]+'/);
    expect(bicep).toMatch(/appSettingNames: \[\s*'NMIRF_BACKGROUND'\s*\]/);
    expect(bicep).toMatch(/NMIRF_BACKGROUND: 'false'/);
    expect(bicep).toMatch(/WEBSITE_SWAP_WARMUP_PING_PATH: '\/readyz'/);
    const deploy = stepsOf(lifecycleFile("teamsapp.yml")).filter((s) => s.lifecycle === "deploy").map((s) => s.step);
    const zip = deploy.find((s) => s.uses === "azureAppService/zipDeploy")!;
    expect(zip.with).toMatchObject({ artifactFolder: "./dist", resourceId: "${{AZURE_APP_SERVICE_STAGING_RESOURCE_ID}}" });
    expect(deploy.map((s) => s.uses).slice(-2)).toEqual(["azureAppService/zipDeploy", "script"]);
    expect(String(deploy.at(-1)!.with!.run)).toMatch(/az webapp deployment slot swap .*--slot staging --target-slot production/);
  });

  test("provisions the Storage account and Application Insights the server is given", () => {
    expect(bicep).toMatch(/resource storage 'Microsoft\.Storage\/storageAccounts@[\d-]+'/);
    expect(bicep).toMatch(/resource insights 'Microsoft\.Insights\/components@[\d-]+'/);
    expect(appSettings.AZURE_STORAGE_CONNECTION_STRING).toBe("storageConnectionString");
    expect(appSettings.APPLICATIONINSIGHTS_CONNECTION_STRING).toBe("insights.properties.ConnectionString");
    expect(bicep).toMatch(/prefixMatch: \[\s*'nmirf-import-previews\/'/);
    expect(bicep).toMatch(/prefixMatch: \[\s*'nmirf-outbox-receipts\/'/);
  });

  test("each production instance sends at its share of Teams' rate: the share follows the instance count", () => {
    expect(appSettings.NMIRF_SENDING_INSTANCES).toBe("string(instanceCount)");
  });

  test("the App Service's settings are ones the server reads, and enough for it to start in tenant mode", () => {
    const appServiceOnly = ["NMIRF_ENV", "SCM_DO_BUILD_DURING_DEPLOYMENT", "CUSTOM_BUILD_COMMAND", "WEBSITE_SWAP_WARMUP_PING_PATH", "WEBSITE_SWAP_WARMUP_PING_STATUSES"];
    expect(Object.keys(appSettings).filter((k) => !(k in environmentSchema.shape) && !appServiceOnly.includes(k))).toEqual([]);
    expect(appSettings.NMIRF_MODE).toBe("'tenant'");
    const sample = Object.fromEntries(Object.entries(appSettings).map(([k, expression]) => [k, sampleServerValue(k, expression)]));
    const config = configFromEnvironment(sample);
    expect(config.mode).toBe("tenant");
    expect(config.bot.id).toBeDefined();
    expect(config.bot.password).toBeDefined();
    expect(config.signIn.audiences[0]).toBe(`api://${sample.TAB_DOMAIN}/${sample.AAD_CLIENT_ID}`);
    expect(config.storage).toBeDefined();
    expect(config.telemetry.exporter).toBe("azure-monitor");
    expect(config.background).toBe(true);
  });
});

describe("aad.manifest.json (the add-in's Entra app)", () => {
  const aad = JSON.parse(read("aad.manifest.json")) as {
    signInAudience: string;
    identifierUris: string[];
    api: { requestedAccessTokenVersion: number; oauth2PermissionScopes: { id: string; value: string }[]; preAuthorizedApplications: { appId: string; delegatedPermissionIds: string[] }[] };
    appRoles: { id: string; value: string; allowedMemberTypes: string[]; isEnabled: boolean }[];
    requiredResourceAccess: { resourceAppId: string; resourceAccess: { id: string; type: string }[] }[];
  };
  // Microsoft's list: https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/authentication/tab-sso-register-aad
  const CLIENTS = {
    "1fec8e78-bce4-4aaf-ab1b-5451cc387264": "Teams desktop and mobile",
    "5e3ce6c0-2b1f-4285-8d4b-75ee78787346": "Teams web",
    "4765445b-32c6-49b0-83e6-1d93765276ca": "Microsoft 365 web",
    "0ec893e0-5785-4de6-99da-4ed124e5296c": "Microsoft 365 desktop",
    "d3590ed6-52b3-4102-aeff-aad2292ab01c": "Microsoft 365 mobile, Outlook desktop",
    "bc59ab01-8403-45c6-8796-ac3ef710b3e3": "Outlook web",
    "27922004-5251-4030-b22d-91ecd9a37ea4": "Outlook mobile",
  };

  test("pre-authorizes the Teams, Microsoft 365 and Outlook clients for its access_as_user scope (v2 tokens, single tenant)", () => {
    expect(aad.signInAudience).toBe("AzureADMyOrg");
    expect(aad.api.requestedAccessTokenVersion).toBe(2);
    expect(aad.api.oauth2PermissionScopes.map((s) => s.value)).toEqual(["access_as_user"]);
    const scope = aad.api.oauth2PermissionScopes[0]!.id;
    expect(aad.api.preAuthorizedApplications.map((a) => a.appId).sort()).toEqual(Object.keys(CLIENTS).sort());
    for (const client of aad.api.preAuthorizedApplications) expect(client.delegatedPermissionIds).toEqual([scope]);
    expect(deployDoc).toContain("https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/authentication/tab-sso-register-aad");
    for (const id of Object.keys(CLIENTS)) expect(deployDoc).toContain(id);
  });

  test("defines the product's app roles, each with its own fixed id, for people", () => {
    expect(aad.appRoles.map((r) => r.value).sort()).toEqual([...APP_ROLES].sort());
    const ids = aad.appRoles.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const role of aad.appRoles) {
      expect(role.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(role).toMatchObject({ allowedMemberTypes: ["User"], isEnabled: true });
    }
  });

  test("asks Graph for Sites.Selected and what the directory and the app installer need, and for no broad site or file access", () => {
    const graph = aad.requiredResourceAccess.find((r) => r.resourceAppId === "Microsoft Graph")!;
    const roles = graph.resourceAccess.filter((a) => a.type === "Role").map((a) => a.id);
    expect(roles.sort()).toEqual(["Application.Read.All", "GroupMember.Read.All", "Sites.Selected", "TeamsAppInstallation.ReadWriteSelfForUser.All", "User.Read.All"]);
    const everything = aad.requiredResourceAccess.flatMap((r) => r.resourceAccess.map((a) => a.id));
    expect(everything.filter((p) => /^(Sites\.(Read|ReadWrite|Manage|FullControl)\.All|Files\.)/.test(p))).toEqual([]);
    for (const permission of roles) expect(deployDoc).toContain(`\`${permission}\``);
  });
});

/** A plausible value for a server setting whose template is `expression` (a Bicep expression or a ${{VAR}} text). */
function sampleServerValue(key: string, expression: string): string {
  const samples: Record<string, string> = {
    NMIRF_MODE: "tenant",
    NMIRF_ENV: "azure",
    TAB_DOMAIN: SAMPLE_VALUES.TAB_DOMAIN!,
    PUBLIC_BASE_URL: `https://${SAMPLE_VALUES.TAB_DOMAIN}`,
    GRAPH_SITE_HOSTNAME: "contoso.sharepoint.com",
    GRAPH_SITE_PATH: "/sites/nmirf",
    AAD_TENANT_ID: "6f0a3b2c-1d4e-4f5a-8b6c-7d8e9f0a1b2c",
    AAD_CLIENT_ID: SAMPLE_VALUES.AAD_APP_CLIENT_ID!,
    AAD_CLIENT_SECRET: "a secret",
    BOT_ID: SAMPLE_VALUES.BOT_ID!,
    BOT_PASSWORD: "another secret",
    TEAMS_APP_CATALOG_ID: "",
    NMIRF_TIME_ZONE: "Africa/Nairobi",
    NMIRF_SENDING_INSTANCES: "2",
    LOG_LEVEL: "info",
    AZURE_STORAGE_CONNECTION_STRING: "DefaultEndpointsProtocol=https;AccountName=nmirfst;AccountKey=a2V5;EndpointSuffix=core.windows.net",
    APPLICATIONINSIGHTS_CONNECTION_STRING: "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/",
  };
  if (key in samples) return samples[key]!;
  return expression.replace(/^'|'$/g, "");
}

/**
 * The Teams Toolkit lifecycle actions our teamsapp*.yml files may use, with their parameters
 * and the variables they write, as the toolkit's YAML schema v1.8 defines them
 * (OfficeDev/teams-toolkit, packages/fx-core/resource/yaml-schema/v1.8/yaml.schema.json; action
 * reference https://aka.ms/teamsfx-actions). Our own summary, for the lifecycle test.
 */
export interface ActionShape {
  /** Keys of `with`: required ones, then the other allowed ones. */
  required: string[];
  optional: string[];
  /** Keys of `writeToEnvironmentFile`: required ones, then the other allowed ones. */
  writesRequired?: string[];
  writesOptional?: string[];
  /** Outputs whose variable must be named SECRET_… (kept in the .user file). */
  secretOutputs?: string[];
  /** Variables the action writes without being told their names. */
  implicitWrites?: string[];
}

export const TEAMS_TOOLKIT_ACTIONS: Record<string, ActionShape> = {
  "teamsApp/create": { required: ["name"], optional: [], writesRequired: ["teamsAppId"] },
  "aadApp/create": {
    required: ["name", "generateClientSecret", "signInAudience"],
    optional: ["serviceManagementReference", "clientSecretExpireDays", "clientSecretDescription"],
    writesRequired: ["clientId", "objectId"],
    writesOptional: ["clientSecret", "tenantId", "authority", "authorityHost"],
    secretOutputs: ["clientSecret"],
  },
  // Generates the id of the access_as_user scope when aad.manifest.json uses it and it is empty.
  "aadApp/update": { required: ["manifestPath", "outputFilePath"], optional: [], implicitWrites: ["AAD_APP_ACCESS_AS_USER_PERMISSION_ID"] },
  "botAadApp/create": { required: ["name"], optional: [], writesRequired: ["botId", "botPassword"], secretOutputs: ["botPassword"] },
  "botFramework/create": { required: ["botId", "name", "messagingEndpoint"], optional: ["description", "iconUrl", "channels"] },
  // Writes the Bicep template's outputs (read from the template by the test).
  "arm/deploy": { required: ["subscriptionId", "resourceGroupName", "templates"], optional: ["bicepCliVersion"] },
  "teamsApp/validateManifest": { required: ["manifestPath"], optional: [] },
  // yaml versions above 1.6 take outputFolder (1.6 and below: outputJsonPath).
  "teamsApp/zipAppPackage": { required: ["manifestPath", "outputZipPath", "outputFolder"], optional: [] },
  "teamsApp/validateAppPackage": { required: ["appPackagePath"], optional: [] },
  "teamsApp/validateWithTestCases": { required: ["appPackagePath"], optional: ["showMessage", "showProgressBar"] },
  "teamsApp/update": { required: ["appPackagePath"], optional: [] },
  "teamsApp/publishAppPackage": { required: ["appPackagePath"], optional: [], writesRequired: ["publishedAppId"] },
  "teamsApp/extendToM365": { required: ["appPackagePath"], optional: [], writesRequired: ["titleId", "appId"] },
  "cli/runNpmCommand": { required: ["args"], optional: ["workingDirectory"] },
  "cli/runNpxCommand": { required: ["args"], optional: ["workingDirectory"] },
  "azureAppService/zipDeploy": { required: ["artifactFolder", "resourceId"], optional: ["workingDirectory", "ignoreFile", "dryRun", "outputZipFile"] },
  "file/createOrUpdateEnvironmentFile": { required: ["envs", "target"], optional: [] },
  script: { required: ["run"], optional: ["workingDirectory", "shell", "timeout", "redirectTo"] },
};

/** Keys every step may have besides `uses`, `with` and `writeToEnvironmentFile`. */
export const STEP_KEYS = ["uses", "name", "env", "with", "writeToEnvironmentFile"];

/** Variables the toolkit itself provides: the environment's name, and the two it asks for when empty. */
export const TOOLKIT_BUILT_INS = ["TEAMSFX_ENV", "AZURE_SUBSCRIPTION_ID", "AZURE_RESOURCE_GROUP_NAME"];

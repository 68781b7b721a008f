// The NMIRF add-in in Azure: one Linux App Service (Node 20) that serves the tab, the API and
// the bot's /api/messages, and the Azure Bot registration that connects the bot to Teams.
// Deployed by Teams Toolkit (`arm/deploy` in teamsapp.yml) with infra/azure.parameters.json,
// whose ${{VAR}} placeholders come from env/.env.{env}. The records themselves stay in the
// mechanism's SharePoint site (Microsoft Graph, Sites.Selected): nothing here stores data.
//
// Written from the Bicep and ARM reference documentation; it has not been compiled or
// deployed from this repository (no Azure CLI or Bicep CLI where it was written).

@description('Base name of the resources: 2 to 20 lowercase letters and digits. Empty: "nmirf" and a hash of the resource group.')
@maxLength(20)
param resourceBaseName string = ''

@description('Azure region of the App Service (the bot registration itself is global).')
param location string = resourceGroup().location

@description('Size of the App Service plan. Basic or above: "always on" keeps the bot\'s reminders and outbox running.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
])
param appServiceSku string = 'B1'

@description('The bot\'s name in the Azure portal.')
@maxLength(42)
param botDisplayName string = 'NMIRF'

@description('The add-in\'s Entra ID app (tab single sign-on, app roles, app-only Microsoft Graph).')
param aadAppClientId string

@description('The tenant of the add-in\'s Entra ID app.')
param aadAppTenantId string

@description('A client secret of the add-in\'s Entra ID app.')
@secure()
param aadAppClientSecret string

@description('The bot\'s Entra ID app (single tenant).')
param botAadAppClientId string

@description('The tenant of the bot\'s Entra ID app.')
param botTenantId string

@description('A client secret of the bot\'s Entra ID app.')
@secure()
param botAppSecret string

@description('Host of the mechanism\'s SharePoint site, e.g. contoso.sharepoint.com.')
param graphSiteHostname string

@description('Server-relative path of the mechanism\'s SharePoint site, e.g. /sites/nmirf.')
param graphSitePath string

@description('The mechanism\'s time zone (IANA name): due dates and reminders are computed there.')
param timeZone string = 'UTC'

@description('The app\'s id in the organization\'s Teams app catalog (known once the app is published); the bot installs the app for a focal point with it before writing to them.')
param teamsAppCatalogId string = ''

@description('The server\'s log level.')
@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
  'trace'
])
param logLevel string = 'info'

var baseName = empty(resourceBaseName) ? 'nmirf${take(uniqueString(resourceGroup().id), 12)}' : resourceBaseName

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: baseName
  location: location
  kind: 'linux'
  sku: {
    name: appServiceSku
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: baseName
  location: location
  kind: 'app,linux'
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      // bin/nmirf.js runs the TypeScript sources through tsx (a runtime dependency).
      appCommandLine: 'node bin/nmirf.js start --tenant'
      alwaysOn: true
      healthCheckPath: '/healthz'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
    }
  }
}

// The settings are a resource of their own because they name the app's own host name.
// Secrets are plain app settings here; move them to Key Vault references if your policy asks.
resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  properties: {
    NMIRF_MODE: 'tenant'
    // No env/ file is deployed; a name that has none keeps the server from looking for one.
    NMIRF_ENV: 'azure'
    LOG_LEVEL: logLevel
    NMIRF_TIME_ZONE: timeZone
    TAB_DOMAIN: webApp.properties.defaultHostName
    PUBLIC_BASE_URL: 'https://${webApp.properties.defaultHostName}'
    GRAPH_SITE_HOSTNAME: graphSiteHostname
    GRAPH_SITE_PATH: graphSitePath
    AAD_TENANT_ID: aadAppTenantId
    AAD_CLIENT_ID: aadAppClientId
    AAD_CLIENT_SECRET: aadAppClientSecret
    BOT_ID: botAadAppClientId
    BOT_PASSWORD: botAppSecret
    TEAMS_APP_CATALOG_ID: teamsAppCatalogId
    // Zip deploy uploads the sources without node_modules: App Service installs the runtime
    // dependencies on Linux (native modules built for its platform), and nothing else.
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'true'
    CUSTOM_BUILD_COMMAND: 'npm ci --omit=dev --no-audit --no-fund'
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: baseName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: 'F0'
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: botAadAppClientId
    msaAppType: 'SingleTenant'
    msaAppTenantId: botTenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// Written to env/.env.{env} by Teams Toolkit (output names become variable names).
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output TAB_DOMAIN string = webApp.properties.defaultHostName
output BOT_DOMAIN string = webApp.properties.defaultHostName
output TAB_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'

// The NMIRF add-in in Azure: a Linux App Service (Node 24 LTS, two instances by default, a
// staging slot for swaps without downtime) that serves the tab, the API and the bot's
// /api/messages from the compiled build (npm run build); a Storage account its instances share
// (the leader's blob lease, the import previews waiting for their commit); Application Insights
// (on a Log Analytics workspace) for its traces and metrics; and the Azure Bot registration that
// connects the bot to Teams. Deployed by Teams Toolkit (`arm/deploy` in teamsapp.yml) with
// infra/azure.parameters.json, whose ${{VAR}} placeholders come from env/.env.{env}. The
// records themselves stay in the mechanism's SharePoint site (Microsoft Graph, Sites.Selected).
//
// Written from the Bicep and ARM reference documentation; it has not been compiled or
// deployed from this repository (no Azure CLI or Bicep CLI where it was written).

@description('Base name of the resources: 2 to 20 lowercase letters and digits. Empty: "nmirf" and a hash of the resource group.')
@maxLength(20)
param resourceBaseName string = ''

@description('Azure region of the App Service (the bot registration itself is global).')
param location string = resourceGroup().location

@description('Size of the App Service plan. Standard or above: deployment slots (the staging slot) and several instances; "always on" keeps the bot\'s reminders and outbox running.')
@allowed([
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
])
param appServiceSku string = 'S1'

@description('Instances of the App Service: two or more for App Service\'s availability SLA and for restarts without an outage.')
@minValue(1)
@maxValue(10)
param instanceCount int = 2

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
// Storage account names: 3 to 24 lowercase letters and digits, unique in Azure.
var storageName = take('${baseName}st${take(uniqueString(resourceGroup().id, baseName), 6)}', 24)
var nodeStack = 'NODE|24-lts'
// The deployed build's own launcher (dist/bin/nmirf.js, at the root of the zip): no TypeScript, no tsx.
var startCommand = 'node --enable-source-maps bin/nmirf.js start --tenant'

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: baseName
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 90
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: baseName
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'Node.JS'
    WorkspaceResourceId: logs.id
    IngestionMode: 'LogAnalytics'
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_ZRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    accessTier: 'Hot'
  }
}

// Import previews are kept 30 minutes by the server; what a sweep missed goes after a day.
// The outbox's receipts matter only until the claim they settle is recorded (minutes): a week.
resource storageLifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'forget-old-import-previews'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                'nmirf-import-previews/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: 1
                }
              }
            }
          }
        }
        {
          name: 'forget-old-outbox-receipts'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                'nmirf-outbox-receipts/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: 7
                }
              }
            }
          }
        }
      ]
    }
  }
}

var storageConnectionString = 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: baseName
  location: location
  kind: 'linux'
  sku: {
    name: appServiceSku
    capacity: instanceCount
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
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: nodeStack
      appCommandLine: startCommand
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
    AZURE_STORAGE_CONNECTION_STRING: storageConnectionString
    APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
    // Sticky to the slot (slotConfigNames): the production slot sends and runs the reminders, the staging slot never does.
    NMIRF_BACKGROUND: 'true'
    // Teams' send rate is per app and tenant: each production instance sends at its share of it.
    NMIRF_SENDING_INSTANCES: string(instanceCount)
    // A swap waits until the new build answers /readyz (Graph, Storage, the election) on every instance.
    WEBSITE_SWAP_WARMUP_PING_PATH: '/readyz'
    WEBSITE_SWAP_WARMUP_PING_STATUSES: '200'
    // Zip deploy uploads the build (dist/) without node_modules: App Service installs the
    // production dependencies on Linux, and nothing else.
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'true'
    CUSTOM_BUILD_COMMAND: 'npm ci --omit=dev --no-audit --no-fund'
  }
}

resource stickySettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'slotConfigNames'
  properties: {
    appSettingNames: [
      'NMIRF_BACKGROUND'
    ]
  }
}

// The staging slot: `teamsapp deploy` uploads the new build here, then swaps it into production
// once it answers /readyz (docs/deploy.md, "Deploying a new version"). It runs no background work.
resource stagingSlot 'Microsoft.Web/sites/slots@2023-12-01' = {
  parent: webApp
  name: 'staging'
  location: location
  kind: 'app,linux'
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: nodeStack
      appCommandLine: startCommand
      alwaysOn: true
      healthCheckPath: '/healthz'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
    }
  }
}

resource stagingSettings 'Microsoft.Web/sites/slots/config@2023-12-01' = {
  parent: stagingSlot
  name: 'appsettings'
  properties: union(appSettings.properties, {
    NMIRF_BACKGROUND: 'false'
  })
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
output AZURE_APP_SERVICE_NAME string = webApp.name
output AZURE_APP_SERVICE_STAGING_RESOURCE_ID string = stagingSlot.id

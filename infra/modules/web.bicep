// Linux App Service plan and the web app that hosts the bot (.NET 10).

@description('Name stem for the plan and the web app (the web app name becomes <name>.azurewebsites.net).')
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('App Service plan SKU.')
param sku string

@description('Number of instances. The app keeps nothing authoritative in memory, so any count is safe.')
param instanceCount int

@description('Resource id of the user-assigned identity.')
param identityId string

@description('Client id of the user-assigned identity (the bot\'s Microsoft App ID).')
param identityClientId string

@description('Table service endpoint of the storage account.')
param tableEndpoint string

@description('Queue service endpoint of the storage account (durable Slack work).')
param queueEndpoint string

@description('The host name people reach the app on (signed links use it).')
param publicHostName string

@description('Key Vault URI, ending in a slash.')
param keyVaultUri string

@description('Application Insights connection string.')
param appInsightsConnectionString string

@description('The id of the link-signing key new links are signed with (Key Vault secret link-signing-key-<id>).')
param linkSigningKeyId string

@description('Ids of earlier link-signing keys still accepted, so links they signed keep working after a rotation.')
param previousLinkSigningKeyIds array

@description('True once the Slack secrets are in Key Vault: only then does the app read them.')
param slackEnabled bool

@description('single: one workspace with its bot token (secret slack-bot-token). multi: the Add to Slack install for many workspaces (secrets slack-client-id, slack-client-secret, slack-token-key-<id>).')
@allowed([
  'single'
  'multi'
])
param slackMode string

@description('Id of the key that seals workspaces\' bot tokens (multi mode): Key Vault secret slack-token-key-<id>.')
param slackTokenKeyId string

@description('Ids of earlier token keys still read after a rotation (multi mode).')
param previousSlackTokenKeyIds array

var slackSigningSecretUri = '${keyVaultUri}secrets/slack-signing-secret'
var slackBotTokenUri = '${keyVaultUri}secrets/slack-bot-token'

// The keys themselves are created once by the administrator (docs/DEPLOY.md), never by a deployment, so a
// redeployment does not change them and links keep working.
var linkKeySettings = [for id in union([linkSigningKeyId], previousLinkSigningKeyIds): {
  name: 'Links__SigningKeys__${id}'
  value: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/link-signing-key-${id})'
}]

// A Key Vault reference that does not resolve reaches the app as its own text, which the app refuses at
// start-up; so the Slack settings exist only once the administrator has put the secrets in the vault.
var slackSigningSettings = [
  {
    name: 'Slack__SigningSecret'
    value: '@Microsoft.KeyVault(SecretUri=${slackSigningSecretUri})'
  }
]

// One workspace: its bot token.
var slackSingleSettings = [
  {
    name: 'Slack__BotToken'
    value: '@Microsoft.KeyVault(SecretUri=${slackBotTokenUri})'
  }
]

// Many workspaces: the app's OAuth client, and the keys that seal each workspace's token at rest (by id, so a
// key can rotate: new tokens use Slack__TokenEncryptionKeyId, older ones are still read with the previous keys).
var slackTokenKeySettings = [for id in union([slackTokenKeyId], previousSlackTokenKeyIds): {
  name: 'Slack__TokenEncryptionKeys__${id}'
  value: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/slack-token-key-${id})'
}]
var slackMultiSettings = concat([
  {
    name: 'Slack__ClientId'
    value: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/slack-client-id)'
  }
  {
    name: 'Slack__ClientSecret'
    value: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/slack-client-secret)'
  }
  {
    name: 'Slack__TokenEncryptionKeyId'
    value: slackTokenKeyId
  }
  {
    name: 'Slack__RedirectUri'
    value: 'https://${publicHostName}/api/slack/oauth/callback'
  }
], slackTokenKeySettings)

var slackSettings = slackEnabled ? concat(slackSigningSettings, slackMode == 'multi' ? slackMultiSettings : slackSingleSettings) : []

var baseSettings = [
  {
    name: 'ASPNETCORE_ENVIRONMENT'
    value: 'Production'
  }
  {
    name: 'MicrosoftAppType'
    value: 'UserAssignedMSI'
  }
  {
    name: 'MicrosoftAppId'
    value: identityClientId
  }
  {
    name: 'MicrosoftAppTenantId'
    value: subscription().tenantId
  }
  {
    name: 'AZURE_CLIENT_ID'
    value: identityClientId
  }
  {
    name: 'Storage__ServiceUri'
    value: tableEndpoint
  }
  {
    name: 'Storage__QueueServiceUri'
    value: queueEndpoint
  }
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: appInsightsConnectionString
  }
  {
    name: 'Links__CurrentKeyId'
    value: linkSigningKeyId
  }
  {
    name: 'PublicBaseUrl'
    value: 'https://${publicHostName}'
  }
]

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: '${name}-plan'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: sku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      healthCheckPath: '/healthz'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      http20Enabled: true
      appSettings: concat(baseSettings, linkKeySettings, slackSettings)
    }
  }
}

// Publishing over FTP is off; deployments use `az webapp deploy` with the signed-in account.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

@description('Web app name.')
output name string = app.name

@description('Default host name, e.g. <name>.azurewebsites.net.')
output hostName string = app.properties.defaultHostName

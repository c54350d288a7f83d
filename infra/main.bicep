// CommunityPlanning.Bot in one resource group: web app, storage, identity, Azure Bot, Key Vault, monitoring.
//   az deployment group create -g <resource-group> -f infra/main.bicep -p namePrefix=<prefix>
// See docs/DEPLOY.md.

targetScope = 'resourceGroup'

@description('Short prefix for resource names: 3-12 lower-case letters, digits or hyphens, e.g. "cpbot".')
@minLength(3)
@maxLength(12)
param namePrefix string

@description('Azure region for everything except the Azure Bot (which is global).')
param location string = resourceGroup().location

@description('App Service plan SKU (Linux). B1 suits one steering group or a handful; S1 or P0v3 for more.')
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

@description('Number of App Service instances (B1 allows up to 3).')
@minValue(1)
@maxValue(10)
param instanceCount int = 1

@description('Azure Bot SKU: F0 (free; Teams is a standard channel) or S1.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Tags for every resource.')
param tags object = {
  application: 'CommunityPlanning.Bot'
}


@description('A custom domain for the bot, if you have bound one to the web app; otherwise leave empty.')
param customDomain string = ''

@description('Id of the link-signing key: Key Vault secret link-signing-key-<id>, created once (docs/DEPLOY.md). Lower-case letters, digits and dashes.')
@minLength(1)
@maxLength(32)
param linkSigningKeyId string = 'k1'

@description('Ids of earlier link-signing keys still accepted after a rotation (their secrets stay in Key Vault until their links expire).')
param previousLinkSigningKeyIds array = []

@description('Set to true once the Slack secrets are in Key Vault (docs/DEPLOY.md, section 6): only then does the app read them.')
param slackEnabled bool = false

@description('single: one Slack workspace with its bot token. multi: the Add to Slack install for many workspaces (docs/SLACK.md).')
@allowed([
  'single'
  'multi'
])
param slackMode string = 'single'

@description('Multi mode: id of the key that seals workspaces\' bot tokens (Key Vault secret slack-token-key-<id>). Lower-case letters, digits and dashes.')
@minLength(1)
@maxLength(32)
param slackTokenKeyId string = 'k1'

@description('Multi mode: ids of earlier token keys still read after a rotation.')
param previousSlackTokenKeyIds array = []

var prefix = toLower(namePrefix)
var suffix = uniqueString(resourceGroup().id)
var compactPrefix = replace(prefix, '-', '')

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: '${prefix}-id'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: take('st${compactPrefix}${suffix}', 24)
    location: location
    tags: tags
    principalId: identity.outputs.principalId
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    name: prefix
    location: location
    tags: tags
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyVault'
  params: {
    name: take('kv${compactPrefix}${suffix}', 24)
    location: location
    tags: tags
    principalId: identity.outputs.principalId
  }
}

module web 'modules/web.bicep' = {
  name: 'web'
  params: {
    name: '${prefix}-${suffix}'
    location: location
    tags: tags
    sku: appServiceSku
    instanceCount: instanceCount
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    tableEndpoint: storage.outputs.tableEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    publicHostName: empty(customDomain) ? '${prefix}-${suffix}.azurewebsites.net' : customDomain
    keyVaultUri: keyVault.outputs.uri
    linkSigningKeyId: linkSigningKeyId
    previousLinkSigningKeyIds: previousLinkSigningKeyIds
    slackEnabled: slackEnabled
    slackMode: slackMode
    slackTokenKeyId: slackTokenKeyId
    previousSlackTokenKeyIds: previousSlackTokenKeyIds
    appInsightsConnectionString: monitoring.outputs.connectionString
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: '${prefix}-bot-${suffix}'
    tags: tags
    sku: botSku
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    hostName: web.outputs.hostName
  }
}

@description('Host name of the web app: the domain for scripts/package-teams.sh and the Slack manifest.')
output webAppHostName string = web.outputs.hostName

@description('Web app name, for `az webapp deploy`.')
output webAppName string = web.outputs.name

@description('The bot\'s Microsoft App ID (the managed identity\'s client id): the bot id for scripts/package-teams.sh.')
output botId string = identity.outputs.clientId

@description('Azure Bot resource name.')
output botName string = bot.outputs.name

@description('Key Vault name, for `az keyvault secret set`.')
output keyVaultName string = keyVault.outputs.name
